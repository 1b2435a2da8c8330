package snapshot

import (
	"testing"
)

// FuzzDecode: no bytes make Decode panic or hang; corrupt ones are an
// error (the run then compiles the policies instead), and whatever decodes
// encodes again.
func FuzzDecode(f *testing.F) {
	modules, vars, sources := fixture(f, true)
	data, err := Encode(Header{OPAVersion: "v", SourceHash: "h"}, []Engine{{Name: "e", Modules: modules, RewrittenVars: vars}}, sources)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add(data[:len(data)/3])
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, en, err := Decode(string(data), "e", sources)
		if err != nil {
			return
		}
		if _, err := Encode(Header{}, []Engine{en}, sources); err != nil {
			t.Fatalf("decoded an engine that does not encode: %v", err)
		}
	})
}

// FuzzDecodePayload fuzzes behind the checksum, which FuzzDecode's
// mutations rarely get past: the payload is re-sealed before decoding.
func FuzzDecodePayload(f *testing.F) {
	modules, vars, sources := fixture(f, true)
	data, err := Encode(Header{}, []Engine{{Name: "e", Modules: modules, RewrittenVars: vars}}, sources)
	if err != nil {
		f.Fatal(err)
	}
	_, payload, err := header(string(data))
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte(payload))
	f.Fuzz(func(t *testing.T, payload []byte) {
		_, en, err := Decode(string(seal(Header{}, payload)), "e", sources)
		if err != nil {
			return
		}
		if _, err := Encode(Header{}, []Engine{en}, sources); err != nil {
			t.Fatalf("decoded an engine that does not encode: %v", err)
		}
	})
}
