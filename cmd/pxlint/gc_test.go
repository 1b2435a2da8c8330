package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

func TestAfterFirstGCRunsOnceAfterACollection(t *testing.T) {
	called := make(chan struct{}, 2)
	afterFirstGC(func() { called <- struct{}{} })
	select {
	case <-called:
		t.Fatal("called before any collection")
	default:
	}
	runtime.GC()
	runtime.GC()
	select {
	case <-called:
	case <-time.After(30 * time.Second):
		t.Fatal("not called after two collections")
	}
	runtime.GC()
	select {
	case <-called:
		t.Fatal("called twice")
	case <-time.After(100 * time.Millisecond):
	}
}

// TestTuneGC: no collection before startHeap, GOGC 200 and a 2 GiB soft
// limit after the first; a user's GOGC or GOMEMLIMIT wins.
func TestTuneGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	settings := func() (int, int64) {
		p := debug.SetGCPercent(-1)
		debug.SetGCPercent(p)
		return p, debug.SetMemoryLimit(-1) // a negative limit only reads it
	}

	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	tuneGC()
	if p, l := settings(); p != -1 || l != startHeap {
		t.Fatalf("at start: GOGC %d, limit %d; want off and %d", p, l, startHeap)
	}
	runtime.GC()
	deadline := time.Now().Add(30 * time.Second)
	for {
		p, l := settings()
		if p == 200 && l == 2<<30 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after the first collection: GOGC %d, limit %d; want 200 and 2 GiB", p, l)
		}
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}

	t.Setenv("GOGC", "50")
	debug.SetGCPercent(50)
	tuneGC()
	if p, l := settings(); p != 50 || l != 2<<30 {
		t.Errorf("with GOGC=50: GOGC %d, limit %d; want the user's 50 and 2 GiB", p, l)
	}
}
