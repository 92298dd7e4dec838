#pragma once
// Restructuring the tree (撤乡并镇, 村改居, 村妇代会改建村妇联, moving a subtree): the pure rules.
// A change happens on a day and starts new versions of the bodies it touches from that day
// (organisation_versions); the services apply these rules, storage keeps the versions.
#include <optional>
#include <string>
#include <string_view>

#include "domain/date.h"
#include "domain/organisation.h"

namespace jinguo::domain {

// The first day of a body's first version: before any date the registry holds ("since the beginning").
inline constexpr std::string_view kFirstVersionStart = "1900-01-01";
Date first_version_start();

// The conversions a federation makes: village_congress → village (妇代会改建妇联) and
// village → community (村改居). Throws DomainError (`conversion_not_allowed`, field `type`).
void require_conversion(BodyType from, BodyType to);

// The role a position keeps in a body of type `to`: a 妇代会's 主任 / 副主任 / 委员 become a
// 妇联's 主席 / 副主席 / 执委; any other role is kept.
std::string role_in(std::string_view role, BodyType to);

// Whether `from` may merge into `into`: both at the same level below the city (streets and
// townships together; communities, villages and 妇代会 together; district-level together).
// Throws DomainError (`merge_not_allowed`, field `into_id`).
void require_merge(BodyType from, BodyType into);

// The day a change takes effect: not after today, not before the latest change of what it
// touches (`latest_change`, the start of the newest current version), not before the body was
// established, not on or after it was closed. Throws DomainError (field `on`).
void require_change_day(const Date& on, const Date& today, const Date& latest_change,
                        const std::optional<Date>& established_on, const std::optional<Date>& closed_on);

}  // namespace jinguo::domain
