package policy

import "context"

// Prepare is PrepareWith in the default sandbox (offline): the tests'
// shorthand; the engine always passes its sandbox.
func Prepare(ctx context.Context, userDirs []string) (*Engine, error) {
	return PrepareWith(ctx, userDirs, DefaultSandbox())
}
