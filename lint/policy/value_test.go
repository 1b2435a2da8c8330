package policy

import (
	"encoding/json"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
)

type valueInner struct {
	N float64 `json:"n"`
}

type valueEmbedded struct {
	valueInner
	S string `json:"s"`
}

type valueDoc struct {
	Str       string            `json:"str"`
	Bad       string            `json:"bad"`
	Omit      string            `json:"omit,omitempty"`
	OmitNum   int               `json:"omit_num,omitempty"`
	OmitPtr   *valueInner       `json:"omit_ptr,omitempty"`
	OmitSlice []string          `json:"omit_slice,omitempty"`
	NilSlice  []string          `json:"nil_slice"`
	NilMap    map[string]int    `json:"nil_map"`
	NilPtr    *valueInner       `json:"nil_ptr"`
	Skip      string            `json:"-"`
	NoTag     bool              //nolint:tagliatelle // the field name is the key
	hidden    int               //nolint:unused // unexported: never encoded
	Int       int64             `json:"int"`
	Uint      uint8             `json:"uint"`
	Floats    []float64         `json:"floats"`
	Any       any               `json:"any"`
	Anys      []any             `json:"anys"`
	IntKeys   map[int]string    `json:"int_keys"`
	Bytes     []byte            `json:"bytes"`
	Time      time.Time         `json:"time"`
	Big       *big.Float        `json:"big"`
	Number    json.Number       `json:"number"`
	Embedded  valueEmbedded     `json:"embedded"`
	Array     [2]bool           `json:"array"`
	Nested    map[string]any    `json:"nested"`
	Strs      map[string]string `json:"strs"`
	Stringed  int               `json:"stringed,string"`
	Spans     []valueSpan       `json:"spans"`
}

// valueSpan is a struct of ints, converted to objects shared by equal values.
type valueSpan struct {
	StartLine int   `json:"start_line"`
	Col       int8  `json:"col"`
	EndLine   int64 `json:"end_line"`
	Delta     int   `json:"delta"`
}

// TestToValueMatchesRoundTrip: ToValue gives the value OPA's JSON round
// trip gives, for every kind of field the policy input uses and the ones it
// leaves to the round trip.
func TestToValueMatchesRoundTrip(t *testing.T) {
	doc := &valueDoc{
		Str: "caf\u00e9 \u2028", Bad: "a\xffb\xc3", Skip: "x", NoTag: true, hidden: 1, Int: -42, Uint: 7,
		Floats: []float64{0, 1.5, 1e21, 1e-7, 100000000, 3}, Any: map[string]any{"k": []any{1, "2", nil, 2.5, true}},
		Anys: []any{int32(3), uint(4), float32(0.1), &valueInner{N: 2}}, IntKeys: map[int]string{1: "a"},
		Bytes: []byte("bytes"), Time: time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC), Big: big.NewFloat(1.25),
		Number: "12.50", Embedded: valueEmbedded{valueInner{1}, "e"}, Array: [2]bool{true, false},
		Nested: map[string]any{"m": map[string]map[string]any{"PX108": {"x": []any{"a"}}}}, Strs: map[string]string{"a": "b"},
		Stringed: 5,
		Spans:    []valueSpan{{1, 2, 3, -4}, {1, 2, 3, -4}, {100000, -1, 0, 513}, {}},
	}
	for _, x := range []any{doc, *doc, nil, "s", 3, []string(nil), map[string]any{}} {
		want, err := ast.InterfaceToValue(x)
		if err != nil {
			t.Fatal(err)
		}
		got, err := ToValue(x)
		if err != nil {
			t.Fatal(err)
		}
		if want.Compare(got) != 0 {
			t.Errorf("ToValue(%T):\n got %v\nwant %v", x, got, want)
		}
	}
}

type valueTree struct {
	Name string       `json:"name"`
	Kids []*valueTree `json:"kids,omitempty"`
	Next *valueTree   `json:"next"`
}

// TestToValueRecursiveType: a type that holds itself gets its encoder while
// that encoder is being made, and converts as the round trip does, from
// several goroutines at once (go test -race).
func TestToValueRecursiveType(t *testing.T) {
	tree := &valueTree{Name: "root", Kids: []*valueTree{{Name: "a"}, {Name: "b", Next: &valueTree{Name: "c"}}}}
	want, err := ast.InterfaceToValue(tree)
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			got, err := ToValue(tree)
			if err == nil && want.Compare(got) != 0 {
				err = fmt.Errorf("got %v, want %v", got, want)
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
