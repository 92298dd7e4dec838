#pragma once
// A small builder over soci::statement so that a query's outputs and parameters can be
// bound one by one (and optional values as NULL) before it runs.
#include <optional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "domain/date.h"

namespace jinguo::storage {

// A nullable text parameter or column; keeps its storage alive while a statement runs.
struct Nullable {
  std::string value;
  soci::indicator ind = soci::i_null;

  Nullable() = default;
  explicit Nullable(const std::optional<std::string>& v)
      : value(v.value_or("")), ind(v ? soci::i_ok : soci::i_null) {}
  explicit Nullable(const std::optional<domain::Date>& d)
      : value(d ? d->iso() : ""), ind(d ? soci::i_ok : soci::i_null) {}
  std::optional<std::string> text() const {
    return ind == soci::i_ok ? std::optional<std::string>(value) : std::nullopt;
  }
  std::optional<domain::Date> date() const;  // first 10 characters, as stored
};

// A nullable integer column or parameter.
struct NullableId {
  long long value = 0;
  soci::indicator ind = soci::i_null;
  NullableId() = default;
  explicit NullableId(const std::optional<std::int64_t>& v)
      : value(v.value_or(0)), ind(v ? soci::i_ok : soci::i_null) {}
  std::optional<std::int64_t> get() const {
    return ind == soci::i_ok ? std::optional<std::int64_t>(value) : std::nullopt;
  }
};

domain::Date stored_date(const std::string& text);  // "2016-09-20" (PG may add nothing)

class Query {
 public:
  explicit Query(soci::session& sql) : st_(sql) {}
  template <class T>
  Query& into(T& v) {
    st_.exchange(soci::into(v));
    return *this;
  }
  Query& into(Nullable& v) {
    st_.exchange(soci::into(v.value, v.ind));
    return *this;
  }
  Query& into(NullableId& v) {
    st_.exchange(soci::into(v.value, v.ind));
    return *this;
  }
  template <class T>
  Query& use(T& v) {
    st_.exchange(soci::use(v));
    return *this;
  }
  Query& use(Nullable& v) {
    st_.exchange(soci::use(v.value, v.ind));
    return *this;
  }
  Query& use(NullableId& v) {
    st_.exchange(soci::use(v.value, v.ind));
    return *this;
  }
  // Runs a query; then call fetch() for each row.
  void open(const std::string& sql) {
    prepare(sql);
    st_.execute(false);
  }
  bool fetch() { return st_.fetch(); }
  // Runs a statement (or a query returning at most one row); true if a row came back.
  bool run(const std::string& sql) {
    prepare(sql);
    return st_.execute(true);
  }
  long long affected_rows() { return st_.get_affected_rows(); }

 private:
  void prepare(const std::string& sql) {
    st_.alloc();
    st_.prepare(sql);
    st_.define_and_bind();
  }
  soci::statement st_;
};

// A text for LIKE ... ESCAPE '\\': %, _ and \\ taken literally.
std::string escape_like(const std::string& text);

// "IN (1,2,3)" from ids the database gave us (integers only, never user text).
std::string id_list(const std::vector<std::int64_t>& ids);

}  // namespace jinguo::storage
