package atomicfile

import (
	"os"
	"os/signal"
	"syscall"
)

// RemoveOnSignal makes SIGINT and SIGTERM (a cancelled CI job) remove the
// temporary files of writes in progress before the process ends with
// exit(128+signal number), as a shell reports a signal. stop restores the
// default handling.
func RemoveOnSignal(exit func(code int)) (stop func()) {
	ch := make(chan os.Signal, 1)
	done := make(chan struct{})
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	go func() {
		select {
		case s := <-ch:
			RemovePending()
			code := 1
			if n, ok := s.(syscall.Signal); ok {
				code = 128 + int(n)
			}
			exit(code)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}
