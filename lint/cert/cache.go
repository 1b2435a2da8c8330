package cert

import (
	"crypto"
	"crypto/sha256"
	"sync"
)

// Cache remembers what decrypting a PFX gave, per content and password, for
// one run: the same certificate named by several scripts (or by a script
// and --cert) costs its key derivations once. It keeps public keys and
// certificates only, and the password only as part of a SHA-256 key, never
// in clear. Safe for concurrent use; the zero value is not, use NewCache.
type Cache struct {
	mu      sync.Mutex
	entries map[[sha256.Size]byte]*cacheEntry
	// decryptions counts the decryptions actually run (tests).
	decryptions int
}

type cacheEntry struct {
	once  sync.Once
	certs [][]byte
	keys  []crypto.PublicKey
	err   error
}

// NewCache returns an empty cache for one run.
func NewCache() *Cache {
	return &Cache{entries: map[[sha256.Size]byte]*cacheEntry{}}
}

// decrypt returns the cached result for data and password, running fn
// once for them. A nil cache runs fn every time.
func (c *Cache) decrypt(data []byte, password string, fn func() ([][]byte, []crypto.PublicKey, error)) ([][]byte, []crypto.PublicKey, error) {
	if c == nil {
		return fn()
	}
	h := sha256.New()
	dataSum := sha256.Sum256(data)
	h.Write(dataSum[:])
	h.Write([]byte(password))
	var key [sha256.Size]byte
	copy(key[:], h.Sum(nil))
	c.mu.Lock()
	e, ok := c.entries[key]
	if !ok {
		e = &cacheEntry{}
		c.entries[key] = e
	}
	c.mu.Unlock()
	e.once.Do(func() {
		c.mu.Lock()
		c.decryptions++
		c.mu.Unlock()
		e.certs, e.keys, e.err = fn()
	})
	return e.certs, e.keys, e.err
}
