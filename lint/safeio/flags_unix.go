//go:build unix

package safeio

import "syscall"

// O_NONBLOCK: should a FIFO appear between the check and the open, opening it
// returns at once instead of waiting for a writer.
const openFlags = syscall.O_NONBLOCK
