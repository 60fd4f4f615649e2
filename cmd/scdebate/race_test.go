//go:build race

package main

// raceEnabled tells tests that the race detector instruments this test
// process, slowing it several-fold. The binary they run is not
// instrumented, so tests that repeat runs of it repeat fewer.
const raceEnabled = true
