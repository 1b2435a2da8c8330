# syntax=docker/dockerfile:1
#
# pxlint in a container, for CI runners that prefer images to binaries:
#
#   docker run --rm -v "$PWD:/src" ghcr.io/pxlint/pxlint lint .
#
# Built for linux/amd64 and linux/arm64 by .github/workflows/release.yml,
# which stamps the version with --build-arg VERSION/COMMIT/DATE. A plain
# `docker build -t pxlint .` works too (version "dev"). Checked statically by
# lint/integration (TestDockerfile); CI has no Docker engine to build it.

ARG GO_VERSION=1.26.8

# Build stage: cross-compiles on the build machine's platform for the target
# one (no emulation), static and reproducible (-trimpath, no cgo, stripped).
FROM --platform=$BUILDPLATFORM golang:${GO_VERSION} AS build
ARG TARGETOS
ARG TARGETARCH
ARG VERSION=""
ARG COMMIT=""
ARG DATE=""
WORKDIR /go/src/pxlint
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 GOOS="$TARGETOS" GOARCH="$TARGETARCH" go build -trimpath \
      -ldflags "-s -w -X github.com/pxlint/pxlint/lint/buildinfo.version=${VERSION} -X github.com/pxlint/pxlint/lint/buildinfo.commit=${COMMIT} -X github.com/pxlint/pxlint/lint/buildinfo.date=${DATE}" \
      -o /out/pxlint ./cmd/pxlint

# Run stage: distroless static (CA roots for --online, tzdata, no shell, no
# package manager), as the unprivileged user 65532 ("nonroot").
FROM gcr.io/distroless/static-debian12:nonroot
LABEL org.opencontainers.image.title="pxlint" \
      org.opencontainers.image.description="Lint Pexip Teams Connector variables scripts before deployment" \
      org.opencontainers.image.source="https://github.com/pxlint/pxlint" \
      org.opencontainers.image.licenses="Apache-2.0"
COPY --from=build /out/pxlint /usr/local/bin/pxlint
USER 65532:65532
WORKDIR /src
ENTRYPOINT ["pxlint"]
CMD ["lint", "."]
