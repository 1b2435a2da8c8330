package main

import (
	"flag"
	"io"

	"github.com/pxlint/pxlint/lint/report"
)

// colorFlags are --color and its alias --no-color, for every command with
// pretty output.
type colorFlags struct {
	mode    string
	noColor bool
}

func (c *colorFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.mode, "color", "auto", "colours in pretty output: auto (a terminal; on with FORCE_COLOR, off with NO_COLOR or TERM=dumb), always or never")
	fs.BoolVar(&c.noColor, "no-color", false, "same as --color=never")
}

// wanted decides colours for pretty output to stdout; a bad --color value
// is an error (exit code 2).
func (c *colorFlags) wanted(stdout io.Writer, getenv func(string) string) (bool, error) {
	mode, err := report.ParseColorMode(c.mode)
	if err != nil {
		return false, err
	}
	if c.noColor {
		mode = report.ColorNever
	}
	return report.ColorWanted(stdout, mode, getenv), nil
}
