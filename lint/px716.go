package lint

import (
	"context"

	"github.com/pxlint/pxlint/lint/cert"
	"github.com/pxlint/pxlint/lint/escape"
	"github.com/pxlint/pxlint/lint/infinity"
)

// checkAIARedirects gives PX716 its --online facts: whether an export's CA
// certificate names an http:// AIA URL that redirects to https.
func checkAIARedirects(ctx context.Context, in *infinity.Input) {
	for i := range in.CACertificates {
		c := &in.CACertificates[i]
		if len(c.AIAURLs()) == 0 {
			continue
		}
		res := cert.CheckAIAURLs(ctx, c.AIAURLs(), nil)
		c.Checked = true
		for _, r := range res.Redirects {
			if r.ToHTTPS {
				c.HTTPSRedirects = append(c.HTTPSRedirects, escape.Text(r.URL))
			}
		}
	}
}
