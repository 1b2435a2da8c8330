//go:build unix

// Package cputime measures the CPU time a process has used, for
// benchmarks: on a shared machine CPU time shows the work where wall-clock
// time shows the load.
package cputime

import (
	"syscall"
	"time"
)

// Process is the CPU time (user and system) this process has used.
func Process() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
