package cert

import (
	"errors"
	"fmt"
)

// BER to DER conversion. Windows and .NET accept PFX files that
// encoding/asn1 rejects: indefinite lengths, strings split into constructed
// chunks, non-minimal lengths, trailing end-of-contents padding. The walk
// over a PFX converts each level to DER before decoding it. Bounds keep
// hostile input cheap: nesting depth and the number of nodes are limited.

const (
	maxBERDepth = 48
	maxBERNodes = 200000
)

var errBERTruncated = errors.New("truncated ASN.1 data")

type berNode struct {
	class       byte // 0 universal, 1 application, 2 context, 3 private (top two bits of the identifier)
	constructed bool
	tag         int
	content     []byte // primitive content
	children    []*berNode
}

type berParser struct{ nodes int }

// parseBER reads one TLV from b and returns it with the bytes after it.
func parseBER(b []byte) (*berNode, []byte, error) {
	p := &berParser{}
	return p.parse(b, 0)
}

func (p *berParser) parse(b []byte, depth int) (*berNode, []byte, error) {
	if depth > maxBERDepth {
		return nil, nil, errors.New("ASN.1 nesting too deep")
	}
	p.nodes++
	if p.nodes > maxBERNodes {
		return nil, nil, errors.New("too many ASN.1 elements")
	}
	if len(b) < 2 {
		return nil, nil, errBERTruncated
	}
	n := &berNode{class: b[0] >> 6, constructed: b[0]&0x20 != 0, tag: int(b[0] & 0x1f)}
	i := 1
	if n.tag == 0x1f { // high tag number form
		n.tag = 0
		for {
			if i >= len(b) {
				return nil, nil, errBERTruncated
			}
			c := b[i]
			i++
			if n.tag > 1<<22 {
				return nil, nil, errors.New("ASN.1 tag number too large")
			}
			n.tag = n.tag<<7 | int(c&0x7f)
			if c&0x80 == 0 {
				break
			}
		}
	}
	if i >= len(b) {
		return nil, nil, errBERTruncated
	}
	lb := b[i]
	i++
	if lb == 0x80 { // indefinite length: children until end-of-contents
		if !n.constructed {
			return nil, nil, errors.New("indefinite length on a primitive ASN.1 element")
		}
		rest := b[i:]
		for {
			if len(rest) >= 2 && rest[0] == 0 && rest[1] == 0 {
				return n, rest[2:], nil
			}
			if len(rest) == 0 {
				return nil, nil, errBERTruncated
			}
			child, r, err := p.parse(rest, depth+1)
			if err != nil {
				return nil, nil, err
			}
			n.children = append(n.children, child)
			rest = r
		}
	}
	length := int(lb)
	if lb&0x80 != 0 {
		nb := int(lb & 0x7f)
		if nb > 4 {
			return nil, nil, errors.New("ASN.1 length too large")
		}
		if i+nb > len(b) {
			return nil, nil, errBERTruncated
		}
		length = 0
		for _, c := range b[i : i+nb] {
			length = length<<8 | int(c)
		}
		i += nb
	}
	if length < 0 || length > len(b)-i {
		return nil, nil, errBERTruncated
	}
	body, rest := b[i:i+length], b[i+length:]
	if !n.constructed {
		n.content = body
		return n, rest, nil
	}
	for len(body) > 0 {
		child, r, err := p.parse(body, depth+1)
		if err != nil {
			return nil, nil, err
		}
		n.children = append(n.children, child)
		body = r
	}
	return n, rest, nil
}

// Universal tags whose BER form may be constructed from chunks.
func isStringTag(tag int) bool {
	switch tag {
	case 3, 4, 12, 18, 19, 20, 21, 22, 25, 26, 27, 28, 30:
		return true
	}
	return false
}

// stringContent concatenates the chunks of a constructed string.
func (n *berNode) stringContent() ([]byte, error) {
	if !n.constructed {
		return n.content, nil
	}
	var out []byte
	for _, c := range n.children {
		b, err := c.stringContent()
		if err != nil {
			return nil, err
		}
		out = append(out, b...)
	}
	return out, nil
}

// bitStringContent concatenates BIT STRING chunks: each chunk starts with its
// count of unused bits, and only the last chunk may have any.
func (n *berNode) bitStringContent() ([]byte, error) {
	if !n.constructed {
		return n.content, nil
	}
	out := []byte{0}
	for i, c := range n.children {
		b, err := c.bitStringContent()
		if err != nil {
			return nil, err
		}
		if len(b) == 0 {
			return nil, errors.New("empty BIT STRING chunk")
		}
		if i == len(n.children)-1 {
			out[0] = b[0]
		} else if b[0] != 0 {
			return nil, errors.New("unused bits in a BIT STRING chunk that is not the last")
		}
		out = append(out, b[1:]...)
	}
	return out, nil
}

// appendDER writes n in DER: definite minimal lengths, strings primitive,
// booleans 0x00/0xFF.
func (n *berNode) appendDER(dst []byte) ([]byte, error) {
	if n.class == 0 && isStringTag(n.tag) && n.constructed {
		var content []byte
		var err error
		if n.tag == 3 {
			content, err = n.bitStringContent()
		} else {
			content, err = n.stringContent()
		}
		if err != nil {
			return nil, err
		}
		return appendTLV(dst, n.class, false, n.tag, content), nil
	}
	if !n.constructed {
		content := n.content
		if n.class == 0 && n.tag == 1 && len(content) == 1 && content[0] != 0 {
			content = []byte{0xff}
		}
		return appendTLV(dst, n.class, false, n.tag, content), nil
	}
	var body []byte
	for _, c := range n.children {
		var err error
		if body, err = c.appendDER(body); err != nil {
			return nil, err
		}
	}
	return appendTLV(dst, n.class, true, n.tag, body), nil
}

func appendTLV(dst []byte, class byte, constructed bool, tag int, content []byte) []byte {
	id := class << 6
	if constructed {
		id |= 0x20
	}
	if tag < 0x1f {
		dst = append(dst, id|byte(tag))
	} else {
		dst = append(dst, id|0x1f)
		var t []byte
		for v := tag; ; v >>= 7 {
			t = append([]byte{byte(v & 0x7f)}, t...)
			if v < 0x80 {
				break
			}
		}
		for i := 0; i < len(t)-1; i++ {
			t[i] |= 0x80
		}
		dst = append(dst, t...)
	}
	l := len(content)
	switch {
	case l < 0x80:
		dst = append(dst, byte(l))
	case l < 0x100:
		dst = append(dst, 0x81, byte(l))
	case l < 0x10000:
		dst = append(dst, 0x82, byte(l>>8), byte(l))
	case l < 0x1000000:
		dst = append(dst, 0x83, byte(l>>16), byte(l>>8), byte(l))
	default:
		dst = append(dst, 0x84, byte(l>>24), byte(l>>16), byte(l>>8), byte(l))
	}
	return append(dst, content...)
}

// toDER converts the first TLV of b to DER and returns it with what follows
// it (trailing bytes are the caller's to judge).
func toDER(b []byte) (der, rest []byte, err error) {
	n, rest, err := parseBER(b)
	if err != nil {
		return nil, nil, err
	}
	der, err = n.appendDER(nil)
	if err != nil {
		return nil, nil, err
	}
	return der, rest, nil
}

// toDERStrict converts b, which must hold exactly one TLV, to DER. Trailing
// zero bytes (end-of-contents padding some exporters leave) are tolerated.
func toDERStrict(b []byte) ([]byte, error) {
	der, rest, err := toDER(b)
	if err != nil {
		return nil, err
	}
	for _, c := range rest {
		if c != 0 {
			return nil, fmt.Errorf("%d bytes of trailing data after the ASN.1 structure", len(rest))
		}
	}
	return der, nil
}
