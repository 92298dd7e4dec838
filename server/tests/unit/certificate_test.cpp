// The certificates' pure rules (domain/selection/certificate.h): kinds, prefixes, numbers,
// verification codes, the public name and whether a certificate still holds.
#include <gtest/gtest.h>

#include <functional>

#include "domain/error.h"
#include "domain/selection/certificate.h"

using namespace jinguo::domain;
using namespace jinguo::domain::selection;

namespace {

std::string code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const DomainError& e) {
    return e.code();
  }
  return "";
}

TEST(Certificate, AVolunteerGetsAVolunteerCertificateEveryoneElseAnAppointment) {
  EXPECT_EQ(certificate_kind_for("volunteer"), CertificateKind::kVolunteer);
  EXPECT_EQ(certificate_kind_for("part_time"), CertificateKind::kAppointment);
  EXPECT_EQ(certificate_kind_for("full_time"), CertificateKind::kAppointment);
  EXPECT_EQ(certificate_kind_label(CertificateKind::kVolunteer), "志愿者聘任证书");
  EXPECT_EQ(certificate_kind_label(CertificateKind::kAppointment), "任职证书");
  for (auto k : {CertificateKind::kAppointment, CertificateKind::kVolunteer})
    EXPECT_EQ(certificate_kind_from_code(certificate_kind_code(k)), k);
  EXPECT_FALSE(certificate_kind_from_code("honorary"));
}

TEST(Certificate, TheDefaultPrefixIsTheIssuersNameWithFuZheng) {
  EXPECT_EQ(default_prefix("道里区妇联"), "道里区妇证");
  EXPECT_EQ(default_prefix("哈尔滨市妇女联合会"), "哈尔滨市妇证");
  EXPECT_EQ(default_prefix("新华镇"), "新华镇妇证");
  EXPECT_EQ(default_prefix("妇联"), "妇联妇证");  // nothing would be left
}

TEST(Certificate, TheQualifiedPrefixPutsTheLevelAboveFirst) {
  EXPECT_EQ(qualified_prefix("呼兰区妇联", "红旗镇妇联"), "呼兰区红旗镇妇证");
  EXPECT_EQ(qualified_prefix("哈尔滨市妇女联合会", " 道里区妇联 "), "哈尔滨市道里区妇证");
  EXPECT_NE(qualified_prefix("呼兰区妇联", "红旗镇妇联"), qualified_prefix("五常市妇联", "红旗镇妇联"));
}

TEST(Certificate, APrefixIsShortAndHoldsNoDigitsOrBrackets) {
  EXPECT_EQ(normalise_prefix("  哈道妇证 "), "哈道妇证");
  EXPECT_EQ(code_of([] { normalise_prefix(" "); }), "required");
  EXPECT_EQ(code_of([] { normalise_prefix("哈道妇证2016"); }), "prefix_characters");
  EXPECT_EQ(code_of([] { normalise_prefix("哈道〔妇证"); }), "prefix_characters");
  EXPECT_EQ(code_of([] { normalise_prefix("哈 道"); }), "prefix_characters");
  EXPECT_EQ(code_of([] { normalise_prefix(std::string(21 * 3, 'a').substr(0, 21)); }), "too_long");
  EXPECT_EQ(code_of([] { normalise_prefix("\xff\xfe"); }), "required");
}

TEST(Certificate, NumbersHaveFourDigitsAtLeast) {
  EXPECT_EQ(certificate_number("哈道妇证", 2016, 1), "哈道妇证〔2016〕第0001号");
  EXPECT_EQ(certificate_number("哈道妇证", 2016, 123), "哈道妇证〔2016〕第0123号");
  EXPECT_EQ(certificate_number("哈道妇证", 2017, 12345), "哈道妇证〔2017〕第12345号");
}

TEST(Certificate, AVerificationCodeIs26LowerCaseBase32Characters) {
  EXPECT_TRUE(is_verification_code("abcdefghijklmnopqrstuvwxyz"));
  EXPECT_TRUE(is_verification_code("a234567abcdefghijklmnopqrs"));
  EXPECT_FALSE(is_verification_code("abcdefghijklmnopqrstuvwxy"));    // 25
  EXPECT_FALSE(is_verification_code("Abcdefghijklmnopqrstuvwxyz"));   // upper case
  EXPECT_FALSE(is_verification_code("a1cdefghijklmnopqrstuvwxyz"));   // 1 is not base32
  EXPECT_FALSE(is_verification_code("abcdefghijklmnopqrstuvwx/z"));
  EXPECT_FALSE(is_verification_code(""));
}

TEST(Certificate, ThePublicPageStarsTheMiddleOfTheName) {
  EXPECT_EQ(public_name("王秀英"), "王*英");
  EXPECT_EQ(public_name("王英"), "王*");
  EXPECT_EQ(public_name("欧阳秀英"), "欧**英");
  EXPECT_EQ(public_name("王"), "王");
  EXPECT_EQ(public_name(""), "*");
}

TEST(Certificate, ACertificateHoldsWhileItsPositionDoes) {
  const Date today(2016, 9, 1);
  EXPECT_TRUE(certificate_status(std::nullopt, std::nullopt, true, std::nullopt, today).valid);
  EXPECT_TRUE(certificate_status(std::nullopt, std::nullopt, true, Date(2016, 9, 2), today).valid);
  auto ended = certificate_status(std::nullopt, std::nullopt, true, Date(2016, 9, 1), today);
  EXPECT_FALSE(ended.valid);
  EXPECT_EQ(ended.revoked_on, Date(2016, 9, 1));
  EXPECT_EQ(ended.reason, "任职已结束");
  auto removed = certificate_status(std::nullopt, std::nullopt, false, std::nullopt, today);
  EXPECT_FALSE(removed.valid);
  EXPECT_FALSE(removed.revoked_on);
  auto revoked = certificate_status(Date(2016, 8, 20), std::string("信息有误，重新颁发"), true, std::nullopt, today);
  EXPECT_FALSE(revoked.valid);
  EXPECT_EQ(revoked.revoked_on, Date(2016, 8, 20));
  EXPECT_EQ(revoked.reason, "信息有误，重新颁发");
}

}  // namespace
