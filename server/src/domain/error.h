#pragma once
// The one error type of Jinguo. Every refusal the service gives to a caller is a
// DomainError with a stable code, the field at fault (may be empty), a message in
// Chinese for users and the same in English for logs. It is mapped to an HTTP
// status in exactly one place (http/error_mapping.cpp) and to an exit code in the CLI.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace jinguo::domain {

enum class ErrorKind {
  kMalformed,  // 400: the request itself is malformed (JSON, types, unknown fields, query)
  kInvalid,    // 422: the input breaks a rule
  kNotFound,   // 404: no such entity (or outside the caller's scope)
  kConflict,   // 409: clashes with what is stored (duplicate ID number, ...)
  kForbidden,  // 403
  kUnauthorized,  // 401
  kTooLarge,   // 413
  kUnsupportedType,  // 415: a file that is not of a type accepted here (judged by content)
  kTooManyRequests,  // 429: this client asked too often (login throttled, public forms)
  kBusy,       // 503 with Retry-After: the server is at its limit for everyone (sign-ins waiting too long)
  kInternal,   // 500: never carries internal detail to the client
};

class DomainError : public std::runtime_error {
 public:
  DomainError(ErrorKind kind, std::string code, std::string field, std::string message_zh,
              std::string message_en)
      : std::runtime_error(message_en),
        kind_(kind),
        code_(std::move(code)),
        field_(std::move(field)),
        message_zh_(std::move(message_zh)),
        message_en_(std::move(message_en)) {}

  ErrorKind kind() const { return kind_; }
  const std::string& code() const { return code_; }
  const std::string& field() const { return field_; }
  const std::string& message_zh() const { return message_zh_; }
  const std::string& message_en() const { return message_en_; }
  // For conflicts with a stored record (a duplicate person): the id of that record.
  const std::optional<std::int64_t>& existing_id() const { return existing_id_; }
  DomainError& with_existing_id(std::int64_t id) {
    existing_id_ = id;
    return *this;
  }
  // Extra text fields of the error body ("locked_until": "...").
  const std::vector<std::pair<std::string, std::string>>& details() const { return details_; }
  DomainError& with_detail(std::string key, std::string value) {
    details_.emplace_back(std::move(key), std::move(value));
    return *this;
  }

 private:
  ErrorKind kind_;
  std::string code_;
  std::string field_;
  std::string message_zh_;
  std::string message_en_;
  std::optional<std::int64_t> existing_id_;
  std::vector<std::pair<std::string, std::string>> details_;
};

inline DomainError forbidden(std::string code, std::string field, std::string zh, std::string en) {
  return {ErrorKind::kForbidden, std::move(code), std::move(field), std::move(zh), std::move(en)};
}
inline DomainError unauthorized(std::string code, std::string zh, std::string en) {
  return {ErrorKind::kUnauthorized, std::move(code), "", std::move(zh), std::move(en)};
}

inline DomainError invalid(std::string code, std::string field, std::string zh, std::string en) {
  return {ErrorKind::kInvalid, std::move(code), std::move(field), std::move(zh), std::move(en)};
}
inline DomainError malformed(std::string code, std::string field, std::string zh, std::string en) {
  return {ErrorKind::kMalformed, std::move(code), std::move(field), std::move(zh), std::move(en)};
}
inline DomainError not_found(std::string field, std::string zh, std::string en) {
  return {ErrorKind::kNotFound, "not_found", std::move(field), std::move(zh), std::move(en)};
}
inline DomainError conflict(std::string code, std::string field, std::string zh, std::string en) {
  return {ErrorKind::kConflict, std::move(code), std::move(field), std::move(zh), std::move(en)};
}

}  // namespace jinguo::domain
