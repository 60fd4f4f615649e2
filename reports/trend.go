package reports

// Trend flags.
const (
	flagRising  = "rising"
	flagFalling = "falling"
	flagSteady  = "steady"
)

// trendThreshold is the fitted change, in percentage points over the
// sessions in scope, from which a theme can be flagged rising or falling.
const trendThreshold = 5.0

// trendFit is the share of variation across sessions the fitted line must
// explain (R²) for a flag, with three sessions or more: a theme that jumps
// up and down is not rising because its last session was high.
const trendFit = 0.5

// trend is the least-squares line through a theme's shares.
type trend struct {
	change   float64 // fitted change over the span, in points
	r2       float64 // the share of variation the line explains
	sessions int
}

// fitTrend fits a line through (xs, ys); ok is false with fewer than two
// distinct xs.
func fitTrend(xs, ys []float64) (tr trend, ok bool) {
	n := float64(len(xs))
	if len(xs) < 2 || len(xs) != len(ys) {
		return tr, false
	}
	var sx, sy float64
	for i := range xs {
		sx += xs[i]
		sy += ys[i]
	}
	mx, my := sx/n, sy/n
	var sxy, sxx, syy float64
	lo, hi := xs[0], xs[0]
	for i := range xs {
		dx, dy := xs[i]-mx, ys[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
		lo, hi = min(lo, xs[i]), max(hi, xs[i])
	}
	if sxx == 0 {
		return tr, false
	}
	tr = trend{change: sxy / sxx * (hi - lo), r2: 1, sessions: len(xs)}
	if syy > 0 {
		tr.r2 = sxy * sxy / (sxx * syy)
	}
	return tr, true
}

// flag says whether a theme is rising, falling or steady.
func (tr trend) flag() string {
	if tr.sessions >= 3 && tr.r2 < trendFit {
		return flagSteady
	}
	switch {
	case tr.change >= trendThreshold:
		return flagRising
	case tr.change <= -trendThreshold:
		return flagFalling
	}
	return flagSteady
}
