#include "services/crypto.h"

#include <sodium.h>

#include <mutex>
#include <stdexcept>
#include <vector>

#include "domain/error.h"

namespace jinguo::services {

namespace {

void ensure_sodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  });
}

std::string to_hex(const unsigned char* bytes, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, n);
  out.pop_back();
  return out;
}

bool verify_unlimited(const std::string& hash, std::string_view password) {
  ensure_sodium();
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::size_t memory_bytes(const PasswordCost& cost) { return static_cast<std::size_t>(cost.memory_kib) * 1024; }

enum class HashWork { kSignIn, kNewPassword };

domain::DomainError hash_busy(HashWork work) {
  const bool sign_in = work == HashWork::kSignIn;
  return domain::DomainError(domain::ErrorKind::kBusy, "busy", "",
                             sign_in ? "登录繁忙，请稍后再试" : "服务器繁忙，请稍后再试",
                             sign_in ? "too many sign-ins at once: try again shortly"
                                     : "too many passwords being hashed at once: try again shortly")
      .with_detail("retry_after", "2");
}

}  // namespace

std::string owasp_settings_text() {
  std::string text;
  for (const auto& s : kOwaspSettings)
    text += (text.empty() ? "" : ", ") + std::to_string(s.memory_kib) + " KiB with " + std::to_string(s.passes) +
            (s.passes == 1 ? " pass" : " passes");
  return text;
}

PasswordHasher::PasswordHasher(PasswordCost cost, int at_once, std::chrono::milliseconds patience)
    : cost_(cost), limit_(at_once, patience) {}

std::string PasswordHasher::hash_now(std::string_view password) const {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), static_cast<unsigned long long>(cost_.passes),
                            memory_bytes(cost_), crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("password hashing ran out of memory");
  return out;
}

std::string PasswordHasher::hash(std::string_view password) {
  HashLimit::Slot turn(limit_);
  if (!turn.held()) throw hash_busy(HashWork::kNewPassword);
  return hash_now(password);
}

bool PasswordHasher::verify(const std::string& hash, std::string_view password) {
  HashLimit::Slot turn(limit_);
  if (!turn.held()) throw hash_busy(HashWork::kSignIn);
  return verify_unlimited(hash, password);
}

void PasswordHasher::verify_dummy(std::string_view password) {
  HashLimit::Slot turn(limit_);
  if (!turn.held()) throw hash_busy(HashWork::kSignIn);
  std::call_once(dummy_made_, [&] { dummy_ = hash_now("jinguo-dummy-password-for-timing"); });
  verify_unlimited(dummy_, password);
}

bool PasswordHasher::needs_rehash(const std::string& hash) const {
  ensure_sodium();
  // 0: made with these parameters; 1: with others; -1: not an argon2id string at all.
  return crypto_pwhash_argon2id_str_needs_rehash(hash.c_str(), static_cast<unsigned long long>(cost_.passes),
                                        memory_bytes(cost_)) != 0;
}

std::optional<std::string> PasswordHasher::rehash(std::string_view password) {
  HashLimit::Slot turn(limit_);
  if (!turn.held()) return std::nullopt;
  return hash_now(password);
}

std::string random_hex(std::size_t bytes) {
  ensure_sodium();
  std::vector<unsigned char> buf(bytes);
  randombytes_buf(buf.data(), buf.size());
  return to_hex(buf.data(), buf.size());
}

std::string random_crockford(std::size_t characters) {
  ensure_sodium();
  constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  std::string out;
  for (std::size_t i = 0; i < characters; ++i) out.push_back(kAlphabet[randombytes_uniform(32)]);
  return out;
}

std::string random_base32(std::size_t bytes) {
  ensure_sodium();
  std::vector<unsigned char> buf(bytes);
  randombytes_buf(buf.data(), buf.size());
  constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
  std::string out;
  unsigned int bits = 0, held = 0;
  for (unsigned char byte : buf) {
    held = (held << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out.push_back(kAlphabet[(held >> (bits - 5)) & 31]);
      bits -= 5;
    }
    held &= (1u << bits) - 1;
  }
  if (bits > 0) out.push_back(kAlphabet[(held << (5 - bits)) & 31]);
  return out;
}

std::string sha256_hex(std::string_view text) {
  ensure_sodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  return to_hex(digest, sizeof digest);
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  ensure_sodium();
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string to_base64(std::string_view bytes) {
  ensure_sodium();
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::string from_base64(std::string_view text) {
  ensure_sodium();
  std::string out(text.size() / 4 * 3 + 3, '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    throw std::runtime_error("not base64");
  out.resize(length);
  return out;
}

}  // namespace jinguo::services
