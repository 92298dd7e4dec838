#pragma once
// Certificates (证书, issue 13 §5): the federation one level up certifies a member's position,
// numbered per issuer and year with the issuer's prefix (哈道妇证〔2016〕第0001号); the public
// verification page tells whether it still holds. Pure rules: kinds, numbers, prefixes, the
// verification code's shape, the holder's name as the public page shows it, and the status.
#include <optional>
#include <string>
#include <string_view>

#include "domain/date.h"

namespace jinguo::domain::selection {

// 任职证书 (appointment: chairs, vice-chairs, 执委, members) or 志愿者聘任证书 (volunteers).
enum class CertificateKind { kAppointment, kVolunteer };
std::string_view certificate_kind_code(CertificateKind k);   // appointment, volunteer
std::string_view certificate_kind_label(CertificateKind k);  // 任职证书, 志愿者聘任证书
std::string_view certificate_kind_label_en(CertificateKind k);
std::optional<CertificateKind> certificate_kind_from_code(std::string_view code);
// A volunteer's position gets a volunteer certificate; every other manner an appointment one.
CertificateKind certificate_kind_for(std::string_view manner);

// The prefix an issuer has not set: its name without 妇联 / 妇女联合会 and 妇证 after it
// (道里区妇联 → 道里区妇证).
std::string default_prefix(std::string_view issuer_name);
// The same with the name of the level above before it, for an issuer whose default another
// issuer of the same name already numbers with (呼兰区妇联, 红旗镇妇联 → 呼兰区红旗镇妇证).
std::string qualified_prefix(std::string_view parent_name, std::string_view issuer_name);
// A prefix as stored: trimmed, 1..20 characters, none of 〔〕[]() digits or spaces (they
// would make the number ambiguous). Throws 422 on "prefix".
std::string normalise_prefix(std::string_view prefix);
// 哈道妇证〔2016〕第0001号: the number with at least four digits.
std::string certificate_number(std::string_view prefix, int year, int number);

// A verification code: 26 characters of RFC 4648 base32 in lower case (128 random bits).
inline constexpr std::size_t kCodeLength = 26;
bool is_verification_code(std::string_view text);

// The holder as the public page names her: the first and last characters, the rest starred
// (王秀英 → 王*英, 王英 → 王*, 欧阳秀英 → 欧**英).
std::string public_name(std::string_view name);

// Whether a certificate still holds on `today`: revoked by its issuer, or its position gone
// (removed as a mistake) or ended by then.
struct CertificateStatus {
  bool valid = true;
  std::optional<Date> revoked_on;          // when it stopped holding (none: the position was removed)
  std::optional<std::string> reason;       // the issuer's words, or 任职已结束 / 任职记录已删除
};
CertificateStatus certificate_status(const std::optional<Date>& revoked_on, const std::optional<std::string>& reason,
                                     bool position_exists, const std::optional<Date>& position_end_on,
                                     const Date& today);

}  // namespace jinguo::domain::selection
