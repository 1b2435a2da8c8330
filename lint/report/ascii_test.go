package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"reflect"
	"testing"
)

// renderAll writes one format to a buffer the way the CLI writes stdout.
func renderAll(t *testing.T, format string, opt Options) []byte {
	t.Helper()
	outs, err := ParseOutputs([]string{format})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteAll(outs, &buf, fixtureReport(), fixtureRules(), opt); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// xmlTokens is an XML document as its parsed tokens (character references
// resolved), for comparing two spellings of the same document.
func xmlTokens(t *testing.T, b []byte) []xml.Token {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	var toks []xml.Token
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return toks
		}
		if err != nil {
			t.Fatalf("%v in\n%s", err, b)
		}
		toks = append(toks, xml.CopyToken(tok))
	}
}

// TestASCIIEveryFormat: with --ascii every format writes only ASCII bytes;
// JSON, SARIF and XML parse to exactly what the UTF-8 output parses to; text
// formats are the UTF-8 output transliterated.
func TestASCIIEveryFormat(t *testing.T) {
	for _, format := range Names() {
		t.Run(format, func(t *testing.T) {
			plain := renderAll(t, format, Options{})
			ascii := renderAll(t, format, Options{ASCII: true})
			if bytes.Equal(plain, ascii) {
				t.Fatal("the fixture has non-ASCII text (東京, dashes); --ascii changed nothing")
			}
			for i, c := range ascii {
				if c >= 0x80 {
					t.Fatalf("byte %#x at %d: not ASCII\n%s", c, i, ascii)
				}
			}
			switch asciiStyles[format] {
			case asciiJSON:
				var a, b any
				if err := json.Unmarshal(plain, &a); err != nil {
					t.Fatal(err)
				}
				if err := json.Unmarshal(ascii, &b); err != nil {
					t.Fatalf("ASCII output is not JSON: %v", err)
				}
				if !reflect.DeepEqual(a, b) {
					t.Error("ASCII JSON decodes to other data than the UTF-8 JSON")
				}
			case asciiXML:
				if !reflect.DeepEqual(xmlTokens(t, plain), xmlTokens(t, ascii)) {
					t.Error("ASCII XML parses to other content than the UTF-8 XML")
				}
			default:
				if want := Transliterate(string(plain)); string(ascii) != want {
					t.Errorf("got\n%s\nwant\n%s", ascii, want)
				}
			}
		})
	}
}

func TestTransliterate(t *testing.T) {
	for in, want := range map[string]string{
		"plain ASCII":           "plain ASCII",
		"3–14 characters":       "3-14 characters",
		"a — b":                 "a -- b",
		"“quoted” and ‘single’": `"quoted" and 'single'`,
		"count ≥ 1 → ok…":       "count >= 1 -> ok...",
		"Zürich, Besançon, Łódź, Straße, Ærø": "Zurich, Besancon, Lodz, Strasse, AEro",
		"東京":             "??",
		"emoji 🙂":        "emoji ?",
		"nbsp\u00a0here": "nbsp here",
		"\ufeffBOM":      "BOM",
	} {
		if got := Transliterate(in); got != want {
			t.Errorf("Transliterate(%q) = %q, want %q", in, got, want)
		}
	}
}

// A character split across writes comes out whole; one cut off at the end
// becomes U+FFFD in the format's spelling.
func TestASCIIWriterSplitsAndTruncation(t *testing.T) {
	for _, tc := range []struct {
		format, in, want string
	}{
		{"json", `"Zürich 🙂"`, `"Z\u00fcrich \ud83d\ude42"`},
		{"junit", "<a>Zürich 🙂</a>", "<a>Z&#xFC;rich &#x1F642;</a>"},
		{"pretty", "Zürich – 🙂", "Zurich - ?"},
	} {
		var buf bytes.Buffer
		w := newASCIIWriter(&buf, tc.format)
		for i := 0; i < len(tc.in); i++ {
			if _, err := w.Write([]byte{tc.in[i]}); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		if buf.String() != tc.want {
			t.Errorf("%s byte by byte: %q, want %q", tc.format, buf.String(), tc.want)
		}
	}
	var buf bytes.Buffer
	w := newASCIIWriter(&buf, "json")
	if _, err := w.Write([]byte("x\xe6\x9d")); err != nil { // first two bytes of 東
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if buf.String() != `x\ufffd` {
		t.Errorf("truncated character: %q", buf.String())
	}
}

// BenchmarkASCII compares each format on a 1,000-script report with and
// without --ascii (the cost of rewriting the output stream).
func BenchmarkASCII(b *testing.B) {
	r, rs := bigReport(), fixtureRules()
	for _, name := range []string{"pretty", "json", "sarif", "junit"} {
		outs, err := ParseOutputs([]string{name})
		if err != nil {
			b.Fatal(err)
		}
		for _, ascii := range []bool{false, true} {
			b.Run(fmt.Sprintf("%s/ascii=%v", name, ascii), func(b *testing.B) {
				for b.Loop() {
					if err := WriteAll(outs, io.Discard, r, rs, Options{ASCII: ascii}); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
