#!/usr/bin/env python3
"""Writes python_cases.json: what Python's `re` does with each (pattern,
template, input), the oracle for pyre's tests (pyre_test.go).

Run once with Python 3 and commit both files; the Go tests need no Python:

    python3 lint/infinity/pyre/testdata/gen_python_cases.py > lint/infinity/pyre/testdata/python_cases.json

Semantics recorded per case, as Infinity applies a rule [reference §4.1]:
  - pattern_error: re.compile(pattern, re.IGNORECASE) raised (re.error);
  - template_error: the template does not parse against the pattern
    (pattern.sub(template, "") raises re.error even without a match);
  - matched: pattern.fullmatch(input) is not None;
  - result: match.expand(template), or the input unchanged when the template
    is empty (Infinity passes the alias on as dialled);
  - sub: pattern.sub(template, input), kept to show where re.sub differs
    (the second empty match at the end: r'(\\d*)' with r'\\1X' on '123').
"""
import json
import re
import sys
import warnings

CASES = [
    # The Teams direct-dial rule and its usual mistakes.
    (r"(\d{9,12})@vc\.example\.org", r"\1", "123456789@vc.example.org"),
    (r"(\d{9,12})@vc\.example\.org", r"\1", "123456789@VC.Example.ORG"),
    (r"(\d{9,12})@vc\.example\.org", r"\1", "12345678@vc.example.org"),
    (r"(\d{9,12})(@vc\.example\.org)?", r"\1", "123456789012"),
    (r"(\d{9,12})(@vc\.example\.org)?", r"\1", "123456789012@vc.example.org"),
    (r"(\d{9,12})@vc\.example\.org", r"", "123456789@vc.example.org"),
    (r"(\d{9,12})@vc\.example\.org", r"$1", "123456789@vc.example.org"),
    (r"(\d{9,12})@vc\.example\.org", r"${1}", "123456789@vc.example.org"),
    (r"(\d{9,12})@vc\.example\.org", r"\2", "123456789@vc.example.org"),
    (r"(\d{9,12}@vc\.example\.org)", r"\1", "123456789@vc.example.org"),
    (r"(\d{9,12})(@.*)", r"\2", "123456789@vc.example.org"),
    (r".*", r"\g<0>", "123456789@vc.example.org"),
    (r"(\d{9,13})(@example\.com)?", r"\1", "1234567890123@example.com"),
    (r"(?P<id>\d{9,12})@vc\.example\.org", r"\g<id>", "123456789@vc.example.org"),
    (r"(?P<id>\d{9,12})@vc\.example\.org", r"\g<nope>", "123456789@vc.example.org"),
    # Group references in the template.
    (r"(\d+)(@x)?", r"\2", "123"),
    (r"(a)|b", r"[\1]", "b"),
    (r"(\d+)", r"\10", "123"),
    (r"(1)(2)(3)(4)(5)(6)(7)(8)(9)(0)", r"\10", "1234567890"),
    (r"(1)(2)(3)(4)(5)(6)(7)(8)(9)(0)", r"\g<1>0", "1234567890"),
    (r"(1)(2)(3)(4)(5)(6)(7)(8)(9)(0)(a)(b)", r"\12", "1234567890ab"),
    (r"(\d+)", r"\g<1>0", "123"),
    (r"(\d+)", r"\g<0>", "123"),
    (r"(\d+)", r"\g<-1>", "123"),
    (r"(\d+)", r"\g<1a>", "123"),
    (r"(\d+)", r"\g<>", "123"),
    (r"(\d+)", r"\g1", "123"),
    (r"(\d+)", r"\g<1", "123"),
    (r"(\d+)", r"\g<2>", "123"),
    (r"(\d+)", r"\0", "123"),
    (r"(\d+)", r"\012", "123"),
    (r"(\d+)", r"\123", "123"),
    (r"(\d+)", r"\1\n\t\\", "123"),
    (r"(\d+)", r"\d", "123"),
    (r"(\d+)", r"\q", "123"),
    (r"(\d+)", r"\x41", "123"),
    (r"(\d+)", r"\&\@", "123"),
    (r"(\d+)", "\\", "123"),
    (r"(\d+)", r"\8", "123"),
    # Empty matches: fullmatch+expand versus re.sub.
    (r"(\d*)", r"\1X", "123"),
    (r"(\d*)", r"\1X", ""),
    (r"(x)?", r"[\1]", ""),
    (r"", r"", ""),
    (r"a|", r"<\g<0>>", ""),
    # Pattern dialect: Python-invalid.
    (r"(\d+)\z", r"\1", "123"),
    (r"(?<id>\d+)", r"\1", "123"),
    (r"\p{L}+", r"", "abc"),
    (r"\pL", r"", "a"),
    (r"\x{41}", r"", "A"),
    (r"\Q1\E", r"", "1"),
    (r"(?U)a+", r"", "aa"),
    (r"a(?i)b", r"", "ab"),
    (r"a**", r"", "aa"),
    (r"*a", r"", "a"),
    (r"a{2}{3}", r"", "aaaaaa"),
    (r"(abc", r"", "abc"),
    (r"abc)", r"", "abc"),
    (r"\1(a)", r"", "aa"),
    (r"a{3,2}", r"", "aa"),
    (r"[a-", r"", "a"),
    (r"(?L)a", r"", "a"),
    # Pattern dialect: translated for RE2.
    (r"(\d+)\Z", r"\1", "123"),
    (r"a{,3}", r"", "aa"),
    (r"a{,3}", r"", "aaaa"),
    (r"x{", r"", "x{"),
    (r"x{a}", r"", "x{a}"),
    (r"\u0041", r"", "a"),
    (r"\x41\101", r"", "aA"),
    (r"[\d]+", r"", "123"),
    (r"[]a]+", r"", "]a"),
    (r"[^]a]+", r"", "bc"),
    (r"[\b]", r"", "\b"),
    (r"(?i)ABC", r"", "abc"),
    (r"(?s).+", r"", "a\nb"),
    (r"(?i:ab)c", r"", "ABC"),
    (r"(?-i:ab)c", r"", "ABC"),
    (r"(?#comment)\d+", r"", "12"),
    (r"(?:sip:)?(\d{9,12})@vc\.example\.org", r"\1", "sip:123456789@vc.example.org"),
    (r"[[:digit:]]+", r"", "123"),
    (r"[[:digit:]]+", r"", "dig:]"),
    (r"\d+$", r"", "123"),
    (r"a.c", r"", "a\nc"),
    # Pattern dialect: backtracking constructs (evaluated only with regexp2).
    (r"(?!.*@example\.com$).*", r"", "x@other.org"),
    (r"(?!.*@example\.com$).*", r"", "x@example.com"),
    (r".*(?<!@)example\.com.*", r"", "myexample.com"),
    (r"(\d)\1", r"", "11"),
    (r"(\d)\1", r"", "12"),
    (r"(?P<a>x)(?P=a)", r"", "xx"),
    (r"(?>a+)b", r"", "aab"),
    (r"a++b", r"", "aab"),
    (r"(?x) \d+ # digits", r"", "12"),
    (r"(a)?(?(1)b|c)", r"", "ab"),
]


def case(pattern, template, text):
    out = {"pattern": pattern, "template": template, "input": text}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            p = re.compile(pattern, re.IGNORECASE)
        except re.error as e:
            out["pattern_error"] = str(e)
            return out
    try:
        p.sub(template, "")
    except (re.error, IndexError) as e:
        out["template_error"] = str(e)
        return out
    m = p.fullmatch(text)
    out["matched"] = m is not None
    if m is not None:
        out["result"] = m.expand(template) if template else text
    out["sub"] = p.sub(template, text)
    return out


def main():
    doc = {
        "generator": "lint/infinity/pyre/testdata/gen_python_cases.py",
        "python": sys.version.split()[0],
        "cases": [case(*c) for c in CASES],
    }
    json.dump(doc, sys.stdout, indent=1, ensure_ascii=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
