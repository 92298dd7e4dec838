#include "domain/selection/certificate.h"

#include <cstdio>

#include "domain/error.h"
#include "domain/text.h"

namespace jinguo::domain::selection {

std::string_view certificate_kind_code(CertificateKind k) {
  return k == CertificateKind::kVolunteer ? "volunteer" : "appointment";
}

std::string_view certificate_kind_label(CertificateKind k) {
  return k == CertificateKind::kVolunteer ? "志愿者聘任证书" : "任职证书";
}

std::string_view certificate_kind_label_en(CertificateKind k) {
  return k == CertificateKind::kVolunteer ? "Volunteer engagement certificate" : "Appointment certificate";
}

std::optional<CertificateKind> certificate_kind_from_code(std::string_view code) {
  if (code == "appointment") return CertificateKind::kAppointment;
  if (code == "volunteer") return CertificateKind::kVolunteer;
  return std::nullopt;
}

CertificateKind certificate_kind_for(std::string_view manner) {
  return manner == "volunteer" ? CertificateKind::kVolunteer : CertificateKind::kAppointment;
}

namespace {

// A federation's name without 妇联 / 妇女联合会 at its end (道里区妇联 → 道里区).
std::string_view stem(std::string_view federation_name) {
  std::string_view name = trim(federation_name);
  for (std::string_view tail : {std::string_view("妇女联合会"), std::string_view("妇联")})
    if (name.ends_with(tail) && name.size() > tail.size()) {
      name.remove_suffix(tail.size());
      break;
    }
  return name;
}

}  // namespace

std::string default_prefix(std::string_view issuer_name) { return std::string(stem(issuer_name)) + "妇证"; }

std::string qualified_prefix(std::string_view parent_name, std::string_view issuer_name) {
  return std::string(stem(parent_name)) + std::string(stem(issuer_name)) + "妇证";
}

std::string normalise_prefix(std::string_view prefix) {
  const std::string_view p = trim(prefix);
  auto decoded = utf8_decode(p);
  if (!decoded || decoded->empty())
    throw invalid("required", "prefix", "请填写证书编号的前缀，如哈道妇证", "the prefix is required");
  if (decoded->size() > 20)
    throw invalid("too_long", "prefix", "证书编号前缀不能超过20个字", "the prefix is at most 20 characters");
  for (char32_t c : *decoded)
    if ((c >= U'0' && c <= U'9') || c == U'〔' || c == U'〕' || c == U'[' || c == U']' || c == U'(' ||
        c == U')' || c == U'（' || c == U'）' || c == U' ' || c == U'\u3000' || c < 0x20)
      throw invalid("prefix_characters", "prefix", "证书编号前缀不能含数字、括号或空格（年份和序号由系统加上）",
                    "the prefix may not hold digits, brackets or spaces");
  return std::string(p);
}

std::string certificate_number(std::string_view prefix, int year, int number) {
  char digits[16];
  std::snprintf(digits, sizeof digits, "%04d", number);
  return std::string(prefix) + "〔" + std::to_string(year) + "〕第" + digits + "号";
}

bool is_verification_code(std::string_view text) {
  if (text.size() != kCodeLength) return false;
  for (char c : text)
    if (!((c >= 'a' && c <= 'z') || (c >= '2' && c <= '7'))) return false;
  return true;
}

std::string public_name(std::string_view name) {
  auto decoded = utf8_decode(trim(name));
  if (!decoded || decoded->empty()) return "*";
  std::u32string out;
  out.push_back(decoded->front());
  if (decoded->size() == 1) return utf8_encode(out);
  if (decoded->size() == 2) return utf8_encode(out + U"*");
  out.append(decoded->size() - 2, U'*');
  out.push_back(decoded->back());
  return utf8_encode(out);
}

CertificateStatus certificate_status(const std::optional<Date>& revoked_on, const std::optional<std::string>& reason,
                                     bool position_exists, const std::optional<Date>& position_end_on,
                                     const Date& today) {
  if (revoked_on && *revoked_on <= today) return {false, revoked_on, reason.value_or("已撤销")};
  if (!position_exists) return {false, std::nullopt, std::string("任职记录已删除")};
  if (position_end_on && *position_end_on <= today) return {false, position_end_on, std::string("任职已结束")};
  return {};
}

}  // namespace jinguo::domain::selection
