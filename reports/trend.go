package reports

// Trend flags.
const (
	flagRising  = "rising"
	flagFalling = "falling"
	flagSteady  = "steady"
)

// fittedChange is the change over the span of xs of the least-squares line
// through (xs, ys): its slope times the span. ok is false with fewer than
// two distinct xs.
func fittedChange(xs, ys []float64) (change float64, ok bool) {
	n := float64(len(xs))
	if len(xs) < 2 || len(xs) != len(ys) {
		return 0, false
	}
	var sx, sy float64
	for i := range xs {
		sx += xs[i]
		sy += ys[i]
	}
	mx, my := sx/n, sy/n
	var sxy, sxx float64
	lo, hi := xs[0], xs[0]
	for i := range xs {
		dx := xs[i] - mx
		sxy += dx * (ys[i] - my)
		sxx += dx * dx
		lo, hi = min(lo, xs[i]), max(hi, xs[i])
	}
	if sxx == 0 {
		return 0, false
	}
	return sxy / sxx * (hi - lo), true
}

// trendFlag flags a fitted change of at least trendThreshold points.
func trendFlag(change float64) string {
	switch {
	case change >= trendThreshold:
		return flagRising
	case change <= -trendThreshold:
		return flagFalling
	}
	return flagSteady
}
