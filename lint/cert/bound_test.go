package cert

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/pbkdf2"
	"crypto/sha1"
	"crypto/x509/pkix"
	"encoding/asn1"
	"strings"
	"sync"
	"testing"
	"time"

	pkcs12 "software.sslmate.com/src/go-pkcs12"
)

// hostilePFX builds, in the test, a small PFX of n shrouded key bags each
// asking for iterations PBKDF2 rounds, without a MAC (go-pkcs12 accepts that
// with the empty password, which pxlint tries when none is given). The
// encrypted keys are junk: only the cost of deriving their keys matters.
func hostilePFX(t testing.TB, n, iterations int) []byte {
	t.Helper()
	bag := shroudedBag(t, iterations)
	bags := make([]safeBag, n)
	for i := range bags {
		bags[i] = bag
	}
	sc, err := asn1.Marshal(bags)
	check(t, err)
	return pfxAround(t, contentInfo{ContentType: oidData, Content: explicitOctets(t, sc)})
}

var (
	oidPBKDF2    = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 12}
	oidAES256CBC = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 42}
)

// pbes2 is PBES2 with PBKDF2 (HMAC-SHA1, the default PRF) and AES-256-CBC.
func pbes2(t testing.TB, salt, iv []byte, iterations int) pkix.AlgorithmIdentifier {
	t.Helper()
	kdf, err := asn1.Marshal(pbkdf2Params{Salt: asn1.RawValue{Tag: asn1.TagOctetString, Bytes: salt}, Iterations: iterations})
	check(t, err)
	scheme, err := asn1.Marshal(iv)
	check(t, err)
	params, err := asn1.Marshal(pbes2Params{
		Kdf:    pkix.AlgorithmIdentifier{Algorithm: oidPBKDF2, Parameters: asn1.RawValue{FullBytes: kdf}},
		Scheme: pkix.AlgorithmIdentifier{Algorithm: oidAES256CBC, Parameters: asn1.RawValue{FullBytes: scheme}},
	})
	check(t, err)
	return pkix.AlgorithmIdentifier{Algorithm: oidPBES2, Parameters: asn1.RawValue{FullBytes: params}}
}

// shroudedBag is a shrouded key bag whose junk key asks for iterations
// PBKDF2 rounds.
func shroudedBag(t testing.TB, iterations int) safeBag {
	t.Helper()
	epki, err := asn1.Marshal(encryptedPrivateKeyInfo{Algorithm: pbes2(t, make([]byte, 8), make([]byte, 16), iterations), EncryptedData: make([]byte, 32)})
	check(t, err)
	return safeBag{ID: oidShroudedKeyBag, Value: asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true, Bytes: epki}}
}

func explicitOctets(t testing.TB, b []byte) asn1.RawValue {
	t.Helper()
	inner, err := asn1.Marshal(b)
	check(t, err)
	return asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true, Bytes: inner}
}

// pfxAround wraps SafeContents into a PFX without a MAC.
func pfxAround(t testing.TB, safe ...contentInfo) []byte {
	t.Helper()
	authSafe, err := asn1.Marshal(safe)
	check(t, err)
	pfx, err := asn1.Marshal(struct {
		Version  int
		AuthSafe contentInfo
	}{3, contentInfo{ContentType: oidData, Content: explicitOctets(t, authSafe)}})
	check(t, err)
	return pfx
}

// hiddenKeyPFX hides one shrouded key bag asking for iterations rounds
// inside an encrypted SafeContents (empty password, one round), where the
// walk cannot see it.
func hiddenKeyPFX(t testing.TB, iterations int) []byte {
	t.Helper()
	inner, err := asn1.Marshal([]safeBag{shroudedBag(t, iterations)})
	check(t, err)
	salt, iv := make([]byte, 8), make([]byte, 16)
	key, err := pbkdf2.Key(sha1.New, "", salt, 1, 32)
	check(t, err)
	block, err := aes.NewCipher(key)
	check(t, err)
	pad := aes.BlockSize - len(inner)%aes.BlockSize
	inner = append(inner, bytes.Repeat([]byte{byte(pad)}, pad)...)
	sealed := make([]byte, len(inner))
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(sealed, inner)
	ed, err := asn1.Marshal(encryptedData{EncryptedContentInfo: encryptedContentInfo{
		ContentType:                oidData,
		ContentEncryptionAlgorithm: pbes2(t, salt, iv, 1),
		EncryptedContent:           asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, Bytes: sealed},
	}})
	check(t, err)
	return pfxAround(t, contentInfo{ContentType: oidEncryptedData, Content: asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true, Bytes: ed}})
}

func check(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestPFXWorkBounds(t *testing.T) {
	tests := []struct {
		name       string
		bags, iter int
		// wantReason is a substring of the PX310 reason.
		wantReason string
	}{
		// ~0.8 s of CPU per bag before the bound: 5,000 bags would be an hour.
		{"many key bags", 5000, 2048, "more than 64 bags"},
		{"few bags, a million iterations each", 10, 1_000_000, "key-derivation iterations in all, over pxlint's bound"},
		// Under both bounds the junk keys are tried, and fail quickly.
		{"a few cheap bags", 3, 2048, "cannot decrypt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := hostilePFX(t, tt.bags, tt.iter)
			start := time.Now()
			f := Inspect(data, Options{RequirePFX: true})
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("Inspect took %v", d)
			}
			want(t, f.Status, StatusUnreadable)
			if !strings.Contains(f.Reason, tt.wantReason) {
				t.Errorf("reason %q, want it to contain %q", f.Reason, tt.wantReason)
			}
			t.Logf("%d bytes: %s", len(data), f.Reason)
		})
	}
}

// TestHiddenKeyBag: a key inside the encrypted contents is only seen by
// go-pkcs12, which derives its key in the same call; the decryption is
// abandoned at decryptTimeout instead of spinning for its iteration count.
func TestHiddenKeyBag(t *testing.T) {
	defer func(d time.Duration) { decryptTimeout = d }(decryptTimeout)
	decryptTimeout = 100 * time.Millisecond
	// Three million rounds: a few seconds, which the abandoned goroutine
	// still spends; a real attack would ask for two billion.
	data := hiddenKeyPFX(t, 3_000_000)
	start := time.Now()
	f := Inspect(data, Options{RequirePFX: true})
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("Inspect took %v", d)
	}
	want(t, f.Status, StatusUnreadable)
	if !strings.Contains(f.Reason, "took longer than 100ms") {
		t.Errorf("reason %q", f.Reason)
	}
	// With one round the same file decrypts, so the bound is what stopped it.
	f = Inspect(hiddenKeyPFX(t, 1), Options{RequirePFX: true})
	if strings.Contains(f.Reason, "took longer") {
		t.Errorf("a cheap hidden key hit the bound: %q", f.Reason)
	}
	t.Logf("cheap hidden key: %s: %s", f.Status, f.Reason)
}

// TestRealPFXWithinBounds keeps the bounds above what exporters write:
// go-pkcs12's encoders at a high but real iteration count still read.
func TestRealPFXWithinBounds(t *testing.T) {
	if testing.Short() {
		t.Skip("derives keys with 200,000 iterations (about a second)")
	}
	pki := newPKI(t, certSpec{})
	enc := pkcs12.Modern2023.WithIterations(200_000)
	data := encodePFX(t, enc, pki.leaf, nil, testPassword)
	f := Inspect(data, Options{Password: ptr(testPassword), RequirePFX: true})
	want(t, f.Status, StatusRead)
}

func TestDecryptionCache(t *testing.T) {
	pki := newPKI(t, certSpec{})
	data := encodePFX(t, pkcs12.Modern2023, pki.leaf, nil, testPassword)
	other := encodePFX(t, pkcs12.Modern2023, pki.leaf, nil, testPassword) // new salts: other bytes
	c := NewCache()
	opt := Options{Password: ptr(testPassword), RequirePFX: true, Cache: c}
	for range 3 {
		want(t, Inspect(data, opt).Status, StatusRead)
	}
	want(t, c.decryptions, 1)
	wrong := opt
	wrong.Password = ptr("wrong")
	want(t, Inspect(data, wrong).Status, StatusUnreadable)
	want(t, c.decryptions, 2)
	want(t, Inspect(other, opt).Status, StatusRead)
	want(t, c.decryptions, 3)
	want(t, Inspect(data, wrong).Status, StatusUnreadable) // errors are cached too
	want(t, c.decryptions, 3)
}

// TestDecryptionCacheConcurrent: scripts judged in parallel that name the
// same certificate wait for one decryption.
func TestDecryptionCacheConcurrent(t *testing.T) {
	pki := newPKI(t, certSpec{})
	data := encodePFX(t, pkcs12.Modern2023, pki.leaf, nil, testPassword)
	c := NewCache()
	opt := Options{Password: ptr(testPassword), RequirePFX: true, Cache: c}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if f := Inspect(data, opt); f.Status != StatusRead {
				t.Errorf("status %s: %s", f.Status, f.Reason)
			}
		})
	}
	wg.Wait()
	want(t, c.decryptions, 1)
}
