#pragma once
// A recruitment notice (招募公告, issue 13 §1): a body, or a township or street for all its
// villages and communities, says what it needs (places per role, duties, conditions, how to
// apply, a deadline). A draft is the clerk's to change; once published it is read by the public
// under an unguessable slug and women may nominate themselves until it is closed or its deadline
// passes. Pure rules (tests/unit/notice_test.cpp): the fields as entered, the states, the slug's
// and the receipt code's shapes.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.h"
#include "domain/organisation.h"

namespace jinguo::domain::selection {

using NoticeId = std::int64_t;

// Own: the body recruits for itself. Villages: a township or street for its villages and communities.
enum class Coverage { kOwn, kVillages };
std::string_view coverage_code(Coverage c);  // own, villages
std::optional<Coverage> coverage_from_code(std::string_view code);

enum class NoticeState { kDraft, kPublished, kClosed };
std::string_view notice_state_code(NoticeState s);   // draft, published, closed
std::string_view notice_state_label(NoticeState s);  // 草稿, 已发布, 已截止
std::optional<NoticeState> notice_state_from_code(std::string_view code);

struct NoticePlace {
  std::string role;  // a role dictionary code (the caller checks it exists where it is used)
  int places = 1;
};

// What the clerk writes; the same for a new notice and a draft's change.
struct NoticeFields {
  Coverage coverage = Coverage::kOwn;
  std::string title, duties, conditions, how_to_apply;
  std::optional<std::string> contact;
  Date deadline;
  std::vector<NoticePlace> places;
};

struct Notice {
  NoticeId id = 0;
  OrganisationId organisation_id = 0;
  NoticeFields fields;
  NoticeState state = NoticeState::kDraft;
  std::optional<std::string> slug;  // once published
};

// As the clerk sends them (absent and null alike: not given).
struct PlaceInput {
  std::optional<std::string> role;
  std::optional<std::int64_t> places;
};
struct NoticeInput {
  std::optional<std::string> coverage, title, duties, conditions, how_to_apply, contact;
  std::optional<Date> deadline;
  std::vector<PlaceInput> places;
};

// The fields for a body of `type`, normalised and checked, or 422 naming the field: coverage own
// or villages (villages only for a township or street: coverage_not_allowed); title 1..60; duties,
// conditions, how_to_apply 1..2000; contact at most 100 (blank is none); the deadline required and
// not before today (deadline_past); 1..20 places (required, too_many), each role given and listed
// once (places[i].role: required, duplicate), each number 1..100 (places[i].places: out_of_range).
NoticeFields notice_fields(BodyType type, const NoticeInput& input, const Date& today);

// The type of the bodies whose places a notice fills: its own, or the villages or communities
// below a township or street.
std::vector<BodyType> place_body_types(BodyType body, Coverage coverage);

// 409 notice_published unless a draft (only drafts are changed or deleted).
void require_draft(const Notice& notice);
// Publishing: a draft (409 notice_published) whose deadline is not past (422 deadline_past).
void check_publish(const Notice& notice, const Date& today);
// Closing: a published notice (409 notice_not_published for a draft, notice_closed when closed).
void check_close(const Notice& notice);

// Whether women may still nominate themselves: published and the deadline not past.
bool is_open(const Notice& notice, const Date& today);
// Why not: none when open, "closed" (closed by the clerk) or "deadline_passed".
std::optional<std::string_view> closed_reason(const Notice& notice, const Date& today);

// A slug: 26 characters of lower-case RFC 4648 base32 (128 random bits), as crypto makes them.
inline constexpr std::size_t kSlugLength = 26;
bool is_notice_slug(std::string_view text);

// A receipt code: 20 characters of Crockford base32 (100 random bits), shown in groups of four
// (K7QM-2XPD-9ARF-0B3C-HW5N). What she types back is read case-insensitively, with or without
// dashes and spaces, O as 0 and I or L as 1; none when it cannot be a receipt code.
inline constexpr std::size_t kReceiptLength = 20;
inline constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
std::optional<std::string> normalise_receipt_code(std::string_view text);
std::string format_receipt_code(std::string_view code);  // 20 characters → with dashes

}  // namespace jinguo::domain::selection
