//go:build race

package web

// raceEnabled tells tests that the race detector slows this process
// several-fold: a load test gives its clients more time between requests.
const raceEnabled = true
