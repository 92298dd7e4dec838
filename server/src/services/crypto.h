#pragma once
// The cryptography of accounts and sessions, all from libsodium: argon2id password
// hashes, random tokens, SHA-256 of tokens, constant-time comparison; and base64.
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "services/crypto_limit.h"

namespace jinguo::services {

// argon2id at libsodium's interactive limits (~0.1 s, 64 MiB): deliberately slow. At most
// password_hash_limit().slots() of them run at once; a caller that waits longer than its
// patience for a turn gets a DomainError kBusy (503 with Retry-After, "登录繁忙，请稍后再试"). The 64 MiB
// are mapped for each hash and unmapped after it (libsodium mmaps them): they go back to the OS.
std::string hash_password(std::string_view password);
bool verify_password(const std::string& hash, std::string_view password);
// The same work as a verification, for unknown usernames (no timing difference).
void verify_dummy_password(std::string_view password);

// How long a sign-in waits for its turn before a 503: 64 sign-ins at one moment, two at a
// time, took 16 s on a 2-core machine loaded by builds (load average 10); 15 s of patience
// refused half of them there (bench/memory.sh). A quiet machine does them in ~3 s.
inline constexpr std::chrono::seconds kHashPatience{60};
// The process's limit (one slot per core until serve sets the configured number).
HashLimit& password_hash_limit();

std::string random_hex(std::size_t bytes);  // 32 bytes: a 256-bit token
// Random bytes as lower-case RFC 4648 base32 without padding (16 bytes: 26 characters, easy to
// read aloud and to type: no 0, 1, 8 or 9).
std::string random_base32(std::size_t bytes);
// `characters` random characters of Crockford's base32 (0-9, A-Z without I, L, O, U): 5 bits each.
std::string random_crockford(std::size_t characters);
std::string sha256_hex(std::string_view text);
bool constant_time_equal(std::string_view a, std::string_view b);

// Bytes as base64 text (RFC 4648, padded) and back: a stored upload. Throws
// std::runtime_error for text that is not base64.
std::string to_base64(std::string_view bytes);
std::string from_base64(std::string_view text);

}  // namespace jinguo::services
