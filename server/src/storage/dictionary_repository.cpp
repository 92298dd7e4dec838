#include "storage/query.h"
#include "storage/repositories.h"

namespace jinguo::storage {

namespace {

constexpr const char* kSelectEntries =
    "SELECT kind, code, label, label_en, short_label, sort_order, active, body_types "
    "FROM dictionary_entries";
constexpr const char* kWhereKind = " WHERE kind = :kind";
constexpr const char* kWhereKindCode = " WHERE kind = :kind AND code = :code";
constexpr const char* kOrder = " ORDER BY kind, sort_order, code";
constexpr const char* kInsertEntry =
    "INSERT INTO dictionary_entries (kind, code, label, label_en, short_label, sort_order, active, "
    "body_types) VALUES (:kind, :code, :label, :label_en, :short_label, :sort_order, :active, :body_types)";
constexpr const char* kUpdateEntry =
    "UPDATE dictionary_entries SET label = :label, label_en = :label_en, short_label = :short_label, "
    "sort_order = :sort_order, active = :active, body_types = :body_types WHERE kind = :kind AND code = :code";

struct Columns {
  std::string kind, code, label;
  Nullable label_en, short_label, body_types;
  int sort_order = 0, active = 1;
  void bind(Query& q) {
    q.into(kind).into(code).into(label).into(label_en).into(short_label).into(sort_order).into(active)
        .into(body_types);
  }
  domain::DictionaryEntry entry() const {
    domain::DictionaryEntry e;
    e.kind = domain::dictionary_kind_from_code(kind).value_or(domain::DictionaryKind::kRole);
    e.code = code;
    e.label = label;
    e.label_en = label_en.text();
    e.short_label = short_label.text();
    e.sort_order = sort_order;
    e.active = active != 0;
    if (auto t = body_types.text()) e.body_types = domain::split_codes(*t);
    return e;
  }
};

Nullable joined(const std::optional<std::vector<std::string>>& types) {
  return Nullable(types ? std::optional<std::string>(domain::join_codes(*types)) : std::nullopt);
}

}  // namespace

std::vector<domain::DictionaryEntry> DictionaryRepository::list(std::optional<domain::DictionaryKind> kind) const {
  std::vector<domain::DictionaryEntry> out;
  Columns c;
  std::string key = kind ? std::string(domain::dictionary_kind_code(*kind)) : "";
  Query q(tx_.sql());
  c.bind(q);
  if (kind) q.use(key);
  q.open(std::string(kSelectEntries) + (kind ? kWhereKind : "") + kOrder);
  while (q.fetch()) out.push_back(c.entry());
  return out;
}

std::optional<domain::DictionaryEntry> DictionaryRepository::find(domain::DictionaryKind kind,
                                                                  const std::string& code) const {
  Columns c;
  std::string k(domain::dictionary_kind_code(kind)), key = code;
  Query q(tx_.sql());
  c.bind(q);
  q.use(k).use(key);
  if (!q.run(std::string(kSelectEntries) + kWhereKindCode)) return std::nullopt;
  return c.entry();
}

void DictionaryRepository::insert(const domain::DictionaryEntry& e) const {
  std::string kind(domain::dictionary_kind_code(e.kind)), code = e.code, label = e.label;
  Nullable label_en(e.label_en), short_label(e.short_label), body_types = joined(e.body_types);
  int sort_order = e.sort_order, active = e.active ? 1 : 0;
  Query q(tx_.sql());
  q.use(kind).use(code).use(label).use(label_en).use(short_label).use(sort_order).use(active).use(body_types);
  q.run(kInsertEntry);
}

void DictionaryRepository::update(const domain::DictionaryEntry& e) const {
  std::string kind(domain::dictionary_kind_code(e.kind)), code = e.code, label = e.label;
  Nullable label_en(e.label_en), short_label(e.short_label), body_types = joined(e.body_types);
  int sort_order = e.sort_order, active = e.active ? 1 : 0;
  Query q(tx_.sql());
  q.use(label).use(label_en).use(short_label).use(sort_order).use(active).use(body_types).use(kind).use(code);
  q.run(kUpdateEntry);
}

}  // namespace jinguo::storage
