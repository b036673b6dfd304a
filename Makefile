# Set-up and test commands (README.md). Every target installs only what is missing.
WASM_BINDGEN_VERSION := $(shell sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)
TRUNK_VERSION := 0.21.14
# wasm-split-cli: splits the wasm at the #[lazy] pages (tools/split-wasm.mjs, run by Trunk's post_build hook).
WASM_SPLIT_VERSION := 0.2.4
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

.PHONY: setup serve build test test-host test-components test-browser bench clean

setup:
	@rustup target list --installed | grep -q wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@trunk --version 2>/dev/null | grep -q "$(TRUNK_VERSION)" || cargo install --locked trunk@$(TRUNK_VERSION)
	@wasm-bindgen --version 2>/dev/null | grep -q "$(WASM_BINDGEN_VERSION)" || cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)
	@cargo install --list | grep -q "^wasm_split_cli_support v$(WASM_SPLIT_VERSION):" || \
		cargo install --locked wasm_split_cli_support --version $(WASM_SPLIT_VERSION) --features build-binary
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
		{ apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver; }
	@command -v pdftotext >/dev/null || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y poppler-utils; }
	@test -x node_modules/.bin/wasm-opt && test -d node_modules/playwright-core || npm ci --no-audit --no-fund
	@wasm-opt --version | grep -q "version 132" || { echo "wasm-opt 132 (npm binaryen) is not first on PATH"; exit 1; }

build: setup
	trunk build --release --offline

serve: setup
	# No autoreload: its injected inline script would be refused by the Content-Security-Policy.
	trunk serve --release --offline --no-autoreload --address 127.0.0.1 --port 8080

test-host:
	cargo test --locked --workspace
	node tools/import-cycles.mjs

# The grid mounted alone in headless Chromium (tests/web/, wasm-bindgen-test-runner through chromedriver).
test-components: setup
	cargo test --locked --target wasm32-unknown-unknown --test web

test-browser: build
	node --test tests/e2e/

test: setup test-host test-components test-browser

# The users' build (dist/) and one with the benchmark's wasm entry points (dist-bench/, never served).
bench: build
	trunk build --release --offline --features bench --dist dist-bench
	node tests/e2e/bench.mjs

clean:
	rm -rf dist dist-bench target/wasm-opt
