package model

import (
	"math"
	"strconv"
	"strings"
)

// parseNumber reads a PowerShell numeric literal as the lexer wrote it:
// decimal and real numbers, hexadecimal (0x), the type suffixes l and d, and
// the multipliers kb, mb, gb, tb, pb. Integers become int64, everything else
// float64. ok is false for forms it does not know (the value is then unknown,
// never guessed).
func parseNumber(text string) (v any, ok bool) {
	s := strings.ToLower(strings.TrimSpace(text))
	if s == "" {
		return nil, false
	}
	neg := false
	switch s[0] {
	case '-':
		neg = true
		s = s[1:]
	case '+':
		s = s[1:]
	}
	mult := int64(1)
	for _, m := range []struct {
		suffix string
		factor int64
	}{{"kb", 1 << 10}, {"mb", 1 << 20}, {"gb", 1 << 30}, {"tb", 1 << 40}, {"pb", 1 << 50}} {
		if strings.HasSuffix(s, m.suffix) {
			mult = m.factor
			s = strings.TrimSuffix(s, m.suffix)
			break
		}
	}
	forceReal := false
	if strings.HasPrefix(s, "0x") {
		s = strings.TrimSuffix(s, "l")
		u, err := strconv.ParseUint(s[2:], 16, 64)
		if err != nil {
			return nil, false
		}
		n := int64(u)
		return scaleInt(n, mult, neg)
	}
	switch {
	case strings.HasSuffix(s, "l"):
		s = strings.TrimSuffix(s, "l")
	case strings.HasSuffix(s, "d"):
		s = strings.TrimSuffix(s, "d")
		forceReal = true
	}
	if s == "" || strings.ContainsAny(s, "_") {
		return nil, false
	}
	if !forceReal && !strings.ContainsAny(s, ".e") {
		n, err := strconv.ParseInt(s, 10, 64)
		if err == nil {
			return scaleInt(n, mult, neg)
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return nil, false
	}
	f *= float64(mult)
	if neg {
		f = -f
	}
	if forceReal || strings.ContainsAny(s, ".e") || f != math.Trunc(f) || math.Abs(f) > 1<<62 {
		return f, true
	}
	return int64(f), true
}

func scaleInt(n, mult int64, neg bool) (any, bool) {
	if mult != 1 && n != 0 && (n > math.MaxInt64/mult) {
		return float64(n) * float64(mult), true
	}
	n *= mult
	if neg {
		n = -n
	}
	return n, true
}

// formatNumber converts a number to the string PowerShell produces when it
// expands or joins it (invariant culture, shortest round-trip form).
func formatNumber(v any) string {
	switch n := v.(type) {
	case int64:
		return strconv.FormatInt(n, 10)
	case float64:
		a := math.Abs(n)
		if a != 0 && (a >= 1e15 || a < 1e-5) {
			return strconv.FormatFloat(n, 'E', -1, 64)
		}
		return strconv.FormatFloat(n, 'f', -1, 64)
	}
	return ""
}

// toFloat returns a number as float64.
func toFloat(v any) (float64, bool) {
	switch n := v.(type) {
	case int64:
		return float64(n), true
	case float64:
		return n, true
	}
	return 0, false
}

// arith applies a PowerShell arithmetic operator to two numbers. Integer
// results that overflow become doubles, as PowerShell widens them; division
// by zero and non-finite results are not evaluated (ok false).
func arith(op string, a, b any) (any, bool) {
	ai, aInt := a.(int64)
	bi, bInt := b.(int64)
	if aInt && bInt {
		switch op {
		case "+":
			if s := ai + bi; (s > ai) == (bi > 0) {
				return s, true
			}
		case "-":
			if d := ai - bi; (d < ai) == (bi > 0) {
				return d, true
			}
		case "*":
			if ai == 0 || bi == 0 {
				return int64(0), true
			}
			if p := ai * bi; p/bi == ai && (ai != -1 || bi != math.MinInt64) && (bi != -1 || ai != math.MinInt64) {
				return p, true
			}
		case "/":
			if bi == 0 {
				return nil, false
			}
			if ai%bi == 0 && (ai != math.MinInt64 || bi != -1) {
				return ai / bi, true
			}
		case "%":
			if bi == 0 {
				return nil, false
			}
			if bi == -1 {
				return int64(0), true
			}
			return ai % bi, true
		}
	}
	af, ok1 := toFloat(a)
	bf, ok2 := toFloat(b)
	if !ok1 || !ok2 {
		return nil, false
	}
	var r float64
	switch op {
	case "+":
		r = af + bf
	case "-":
		r = af - bf
	case "*":
		r = af * bf
	case "/":
		if bf == 0 {
			return nil, false
		}
		r = af / bf
	case "%":
		if bf == 0 {
			return nil, false
		}
		r = math.Mod(af, bf)
	default:
		return nil, false
	}
	if math.IsInf(r, 0) || math.IsNaN(r) {
		return nil, false
	}
	return r, true
}
