#include <gtest/gtest.h>

#include "domain/access/access.h"
#include "domain/access/masking.h"
#include "domain/access/password_policy.h"
#include "domain/access/throttle.h"
#include "domain/error.h"
#include "domain/id_number.h"

using namespace jinguo::domain;

TEST(Access, RolesRoundTripAndOrder) {
  for (auto r : {Role::kSystemAdmin, Role::kFederationAdmin, Role::kOperator, Role::kViewer})
    EXPECT_EQ(role_from_code(role_code(r)), r);
  EXPECT_FALSE(role_from_code("root"));
  EXPECT_GT(role_rank(Role::kSystemAdmin), role_rank(Role::kFederationAdmin));
  EXPECT_GT(role_rank(Role::kFederationAdmin), role_rank(Role::kOperator));
  EXPECT_GT(role_rank(Role::kOperator), role_rank(Role::kViewer));
}

TEST(Access, WhatEachRoleMayDo) {
  EXPECT_TRUE(can(Role::kViewer, Permission::kRead));
  EXPECT_FALSE(can(Role::kViewer, Permission::kWrite));
  EXPECT_FALSE(can(Role::kViewer, Permission::kReveal));
  EXPECT_TRUE(can(Role::kOperator, Permission::kWrite));
  EXPECT_TRUE(can(Role::kOperator, Permission::kReveal));
  EXPECT_FALSE(can(Role::kOperator, Permission::kManageAccounts));
  EXPECT_FALSE(can(Role::kOperator, Permission::kViewAudit));
  EXPECT_TRUE(can(Role::kFederationAdmin, Permission::kManageAccounts));
  EXPECT_TRUE(can(Role::kFederationAdmin, Permission::kViewAudit));
  EXPECT_FALSE(can(Role::kFederationAdmin, Permission::kManageDictionaries));
  for (auto p : all_permissions()) EXPECT_TRUE(can(Role::kSystemAdmin, p));
  try {
    require(Role::kViewer, Permission::kWrite);
    FAIL();
  } catch (const DomainError& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kForbidden);
    EXPECT_EQ(e.code(), "forbidden");
  }
}

TEST(Access, DelegationNeverEscalates) {
  EXPECT_TRUE(may_grant(Role::kFederationAdmin, Role::kFederationAdmin));
  EXPECT_TRUE(may_grant(Role::kFederationAdmin, Role::kViewer));
  EXPECT_FALSE(may_grant(Role::kFederationAdmin, Role::kSystemAdmin));
  EXPECT_FALSE(may_grant(Role::kOperator, Role::kViewer));  // operators manage no accounts
  EXPECT_TRUE(may_grant(Role::kSystemAdmin, Role::kSystemAdmin));
}

TEST(Access, ScopeIsASubtree) {
  auto s = scope_of(Role::kFederationAdmin, 2, "/1/2/");
  EXPECT_TRUE(s.contains("/1/2/"));
  EXPECT_TRUE(s.contains("/1/2/30/"));
  EXPECT_FALSE(s.contains("/1/20/"));
  EXPECT_FALSE(s.contains("/1/"));
  EXPECT_EQ(s.high(), "/1/2/~");
  auto all = scope_of(Role::kSystemAdmin, 2, "/1/2/");
  EXPECT_TRUE(all.is_whole_tree());
  EXPECT_TRUE(all.contains("/7/"));
}

TEST(Access, Usernames) {
  EXPECT_NO_THROW(validate_username("daoli"));
  EXPECT_NO_THROW(validate_username("hulan_town.2"));
  for (const char* bad : {"ab", "Daoli", "1abc", "da oli", "daoli'--", "用户"}) EXPECT_THROW(validate_username(bad), DomainError) << bad;
}

TEST(PasswordPolicy, LengthCommonAndUsername) {
  EXPECT_NO_THROW(validate_password("City-Federation-2016", "harbin2"));
  auto code = [](std::string_view p, std::string_view u = "someone") {
    try {
      validate_password(p, u);
    } catch (const DomainError& e) {
      return e.code();
    }
    return std::string("ok");
  };
  EXPECT_EQ(code("short1!"), "password_too_short");
  EXPECT_EQ(code("密码密码密码密码密"), "password_too_short");  // 9 characters, 27 bytes
  EXPECT_EQ(code("密码密码密码密码密码"), "ok");
  EXPECT_EQ(code(std::string(201, 'x') + "y"), "password_too_long");
  EXPECT_EQ(code("Password123"), "password_too_common");
  EXPECT_EQ(code("woaini1314520"), "password_too_common");
  EXPECT_EQ(code("1234567890"), "password_too_common");
  EXPECT_EQ(code("zzzzzzzzzzzz"), "password_too_common");
  EXPECT_EQ(code("my-daoli-secret", "daoli"), "password_contains_username");
  EXPECT_EQ(code("My-DAOLI-Secret", "daoli"), "password_contains_username");  // case-insensitive
  EXPECT_EQ(code("Password123", "daoli"), "password_too_common");
  EXPECT_EQ(code("Songhua-River-2016", ""), "ok");
  EXPECT_TRUE(is_common_password("QWERTYUIOP"));
  EXPECT_FALSE(is_common_password("Songhua-River-2016"));
}

TEST(Throttle, LocksAfterTheLimitAndUnlocksByItself) {
  ThrottlePolicy p;
  std::int64_t now = 1'000'000;
  std::vector<std::int64_t> four{now - 40, now - 30, now - 20, now - 10};
  EXPECT_TRUE(decide_login(four, {}, now, p).allowed);
  auto five = four;
  five.push_back(now - 5);
  auto d = decide_login(five, {}, now, p);
  EXPECT_FALSE(d.allowed);
  EXPECT_EQ(*d.locked_until, now - 5 + p.lockout_seconds);
  EXPECT_TRUE(decide_login(five, {}, now - 5 + p.lockout_seconds, p).allowed);
  // failures older than the window do not count
  std::vector<std::int64_t> old{now - 2000, now - 1990, now - 1980, now - 1970, now - 1960};
  EXPECT_TRUE(decide_login(old, {}, now, p).allowed);
  // the address limit is separate and larger
  std::vector<std::int64_t> address(19, now - 1);
  EXPECT_TRUE(decide_login({}, address, now, p).allowed);
  address.push_back(now);
  EXPECT_FALSE(decide_login({}, address, now, p).allowed);
}

TEST(Masking, PhonesAndIdNumbers) {
  EXPECT_EQ(mask_phone("13804512345"), "138****2345");
  EXPECT_EQ(mask_phone("0451-84694842"), "0451*****4842");
  EXPECT_EQ(mask_phone("12345"), "***45");
  EXPECT_EQ(mask_phone(""), "");
  EXPECT_FALSE(mask_optional_phone(std::optional<std::string>()));
  EXPECT_EQ(mask_id_number("230102198001011234"), "230102********1234");
  EXPECT_TRUE(echoes_masked_phone("138****2345", "13804512345"));
  EXPECT_FALSE(echoes_masked_phone("13804512345", "13804512345"));  // the number itself: not an echo
  EXPECT_FALSE(echoes_masked_phone("139****2345", "13804512345"));
  EXPECT_FALSE(echoes_masked_phone("138****2345", std::nullopt));
  EXPECT_FALSE(echoes_masked_phone(std::nullopt, "13804512345"));
}

// Who may manage whom (issue 8): a table of actor, where she stands, target and where it stands.
TEST(Access, ManagingAccountsNeedsAHigherRoleOrAHigherPlace) {
  using enum AccountManagement;
  struct Case {
    Role actor;
    std::optional<std::string_view> actor_path;
    Role target;
    std::string_view target_path;
    AccountManagement expected;
  };
  const Case cases[] = {
      {Role::kFederationAdmin, "/1/2/", Role::kViewer, "/1/2/", kAllowed},            // lower role, same place
      {Role::kFederationAdmin, "/1/2/", Role::kOperator, "/1/2/30/", kAllowed},       // lower role below
      {Role::kFederationAdmin, "/1/2/", Role::kFederationAdmin, "/1/2/30/", kAllowed},  // peer role, below
      {Role::kFederationAdmin, "/1/2/", Role::kFederationAdmin, "/1/2/", kPeer},       // peer at her own level
      {Role::kFederationAdmin, "/1/2/", Role::kFederationAdmin, "/1/", kPeer},         // above her
      {Role::kFederationAdmin, "/1/2/", Role::kFederationAdmin, "/1/20/", kPeer},      // a sibling whose path shares a prefix
      {Role::kFederationAdmin, "/1/2/", Role::kSystemAdmin, "/1/2/30/", kRoleTooHigh},
      {Role::kSystemAdmin, "/1/", Role::kSystemAdmin, "/1/", kPeer},                   // two system administrators
      {Role::kSystemAdmin, "/1/", Role::kFederationAdmin, "/1/", kAllowed},
      {Role::kSystemAdmin, std::nullopt, Role::kSystemAdmin, "/1/", kAllowed},         // the command line
      {Role::kOperator, "/1/2/", Role::kViewer, "/1/2/30/", kRoleTooHigh},             // operators manage nobody
      {Role::kViewer, "/1/2/", Role::kViewer, "/1/2/30/", kRoleTooHigh},
  };
  for (const auto& c : cases)
    EXPECT_EQ(may_manage_account(c.actor, c.actor_path, c.target, c.target_path), c.expected)
        << role_code(c.actor) << " at " << c.actor_path.value_or("(cli)") << " → " << role_code(c.target) << " at "
        << c.target_path;
  EXPECT_THROW(require_may_manage_account(Role::kFederationAdmin, "/1/2/", Role::kFederationAdmin, "/1/2/"),
               DomainError);
  EXPECT_NO_THROW(require_may_manage_account(Role::kFederationAdmin, "/1/2/", Role::kViewer, "/1/2/"));
}
