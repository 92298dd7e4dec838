#pragma once
// Recruitment notices as stored (migration 0023): the notice, its places per role, and the
// nominations that answered it. Reads take any transaction (NoticeQueries); writes need a
// WriteTx (NoticeRepository).
#include <optional>
#include <string>
#include <vector>

#include "domain/access/access.h"
#include "domain/organisation.h"
#include "domain/selection/notice.h"
#include "storage/database.h"
#include "storage/repositories.h"

namespace jinguo::storage {

struct NoticePlaceRow {
  std::string role, role_label;       // the label: the role dictionary's (the code when it has none)
  std::optional<std::string> role_label_en;
  int places = 0;
};

struct NoticeRow {
  domain::selection::Notice notice;
  std::string organisation_name, organisation_path;
  domain::BodyType organisation_type = domain::BodyType::kCity;
  std::vector<NoticePlaceRow> places;  // in the order written
  long long nominations = 0;           // that answered it
  std::optional<std::string> published_at, closed_at;
  std::string created_at, created_by, updated_at;  // ISO 8601 UTC; username
};

struct NoticeFilter {
  std::string within_path = "/";  // the subtree of the bodies
  std::optional<domain::selection::NoticeState> state;
};

class NoticeQueries {
 public:
  explicit NoticeQueries(const ReadTx& tx) : tx_(tx) {}
  // A notice of a body in the scope; outside it, the notice does not exist.
  std::optional<NoticeRow> find(const domain::Scope& scope, domain::selection::NoticeId id) const;
  // A published or closed notice by its slug (drafts have none).
  std::optional<NoticeRow> find_by_slug(const std::string& slug) const;
  // The notices of a subtree's bodies, the latest first.
  Page<NoticeRow> list(const NoticeFilter& filter, const PageSpec& page) const;

 protected:
  std::vector<NoticeRow> rows(const std::string& where, const Binds& binds) const;
  const ReadTx& tx_;
};

class NoticeRepository : public NoticeQueries {
 public:
  explicit NoticeRepository(const WriteTx& tx) : NoticeQueries(tx) {}
  domain::selection::NoticeId insert(const domain::selection::Notice& n, const std::string& by,
                                     const std::string& now) const;
  // A draft's fields and places.
  void update(const domain::selection::Notice& n, const std::string& now) const;
  void remove(domain::selection::NoticeId id) const;
  void publish(domain::selection::NoticeId id, const std::string& slug, const std::string& now) const;
  void close(domain::selection::NoticeId id, const std::string& now) const;

 private:
  void write_places(const domain::selection::Notice& n) const;
};

}  // namespace jinguo::storage
