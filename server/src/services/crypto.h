#pragma once
// The cryptography of accounts and sessions, all from libsodium: argon2id password
// hashes, random tokens, SHA-256 of tokens, constant-time comparison; and base64.
#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "services/crypto_limit.h"

namespace jinguo::services {

// How much an argon2id password hash costs. OWASP's Password Storage Cheat Sheet lists five
// argon2id settings (p = 1) of equal strength, trading memory for passes (kOwaspSettings). We
// take m = 9 MiB, t = 4: the same work of a core as its m = 19 MiB, t = 2 (Jinguo's default
// before) in half the memory. The memory is what counts here: each sign-in being checked fills
// it, two at once under 64 users took 2 x 19 MiB of a server that should stay under 100 MB
// (issue 14; bench/README.md, "The password hash's cost"). A cost weaker than all five is
// refused at start; a stronger one (more memory, more passes) is a configuration
// (password_memory_kib, password_passes).
struct PasswordCost {
  int memory_kib = 9216;  // 9 MiB
  int passes = 4;         // argon2id's t; p is always 1 in libsodium
};
inline constexpr PasswordCost kOwaspSettings[] = {{47104, 1}, {19456, 2}, {12288, 3}, {9216, 4}, {7168, 5}};
// Whether a cost is at least as strong as one of OWASP's settings: its memory and its passes
// both at least that setting's.
constexpr bool as_strong_as_owasp(PasswordCost cost) {
  for (const PasswordCost& s : kOwaspSettings)
    if (cost.memory_kib >= s.memory_kib && cost.passes >= s.passes) return true;
  return false;
}
// The settings, as the configuration's errors and the command line's help list them:
// "47104 KiB with 1 pass, 19456 KiB with 2 passes, ...".
std::string owasp_settings_text();
inline constexpr int kMaxPasswordMemoryKib = 1 << 20;  // 1 GiB
inline constexpr int kMinPasswordPasses = 1, kMaxPasswordPasses = 10;

// How long a sign-in waits for its turn before a 503: 64 sign-ins at one moment, two at a
// time, took 16 s on a 2-core machine loaded by builds (load average 10); 15 s of patience
// refused half of them there (bench/memory.sh). A quiet machine does them in ~3 s.
inline constexpr std::chrono::seconds kHashPatience{60};

// Password hashes (argon2id at `cost`), deliberately slow (~0.03 s of a core and 9 MiB at the
// default). At most `at_once` of them run at once; a caller that waits longer than `patience`
// for a turn gets a DomainError kBusy (503 with Retry-After, "登录繁忙，请稍后再试"). The memory is
// mapped for each hash and unmapped after it (libsodium mmaps it): it goes back to the OS.
// One per process, built where the process is put together (app/commands.cpp) and passed to
// what hashes (Auth, Accounts).
class PasswordHasher {
 public:
  explicit PasswordHasher(PasswordCost cost, int at_once = 1,
                          std::chrono::milliseconds patience = std::chrono::duration_cast<std::chrono::milliseconds>(kHashPatience));
  PasswordHasher(const PasswordHasher&) = delete;
  PasswordHasher& operator=(const PasswordHasher&) = delete;

  std::string hash(std::string_view password);
  // Any argon2id hash verifies, whatever it was made with (the string holds its parameters).
  bool verify(const std::string& hash, std::string_view password);
  // The same work as a verification, for unknown usernames (no timing difference).
  void verify_dummy(std::string_view password);
  // Whether a stored hash was made with other parameters than this cost (or is not argon2id):
  // a sign-in that verified it stores a new one (Auth::Login).
  bool needs_rehash(const std::string& hash) const;
  // A new hash of a password that has just been verified; none when no turn came free in
  // time (the sign-in goes on; the next one tries again).
  std::optional<std::string> rehash(std::string_view password);

  const PasswordCost& cost() const { return cost_; }
  HashLimit& limit() { return limit_; }

 private:
  std::string hash_now(std::string_view password) const;

  PasswordCost cost_;
  HashLimit limit_;
  std::once_flag dummy_made_;
  std::string dummy_;
};

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
