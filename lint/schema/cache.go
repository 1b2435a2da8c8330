package schema

import (
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// Bounds of a pass cache: entries, and the key length a value may have.
const (
	maxCachedPasses = 4096
	maxCacheKey     = 512
)

// passCache is a bounded, concurrency-safe set of (variable, value) pairs
// that passed a fieldSet. Only scalar values and lists of scalars are
// cached; when full it stops adding (a run's distinct values are few).
type passCache struct {
	m sync.Map
	n atomic.Int64
}

func (c *passCache) has(name string, v any) bool {
	k, ok := cacheKey(name, v)
	if !ok {
		return false
	}
	_, hit := c.m.Load(k)
	return hit
}

func (c *passCache) add(name string, v any) {
	k, ok := cacheKey(name, v)
	if !ok || c.n.Load() >= maxCachedPasses {
		return
	}
	if _, loaded := c.m.LoadOrStore(k, struct{}{}); !loaded {
		c.n.Add(1)
	}
}

// cacheKey encodes a normalized value with its type, so "1" and 1 differ.
func cacheKey(name string, v any) (string, bool) {
	var b strings.Builder
	b.WriteString(name)
	b.WriteByte(0)
	if !writeKey(&b, v, true) || b.Len() > maxCacheKey {
		return "", false
	}
	return b.String(), true
}

func writeKey(b *strings.Builder, v any, top bool) bool {
	switch x := v.(type) {
	case nil:
		b.WriteByte('n')
	case string:
		b.WriteByte('s')
		b.WriteString(strconv.Quote(x))
	case bool:
		b.WriteByte('b')
		b.WriteString(strconv.FormatBool(x))
	case int64:
		b.WriteByte('i')
		b.WriteString(strconv.FormatInt(x, 10))
	case float64:
		b.WriteByte('f')
		b.WriteString(strconv.FormatFloat(x, 'g', -1, 64))
	case []any:
		if !top {
			return false
		}
		b.WriteString("l[")
		for _, e := range x {
			if !writeKey(b, e, false) {
				return false
			}
			b.WriteByte(',')
		}
		b.WriteByte(']')
	default:
		return false
	}
	return true
}
