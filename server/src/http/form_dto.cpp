#include "http/form_dto.h"

#include <algorithm>
#include <string>

namespace jinguo::http::dto {

namespace {

using domain::forms::ColumnKind;

void cell(JsonWriter& w, const domain::forms::Cell& c) {
  if (c.number) w.value(*c.number);
  else if (c.text) w.value(*c.text);
  else w.value(nullptr);
}

}  // namespace

void form_summaries(JsonWriter& w, const std::vector<services::FormSummary>& forms) {
  w.object([&] {
    w.key("items").array(forms, [&](const services::FormSummary& f) {
      w.object([&] { w.field("form", f.form).field("title", f.title).field("version", f.version); });
    });
  });
}

void form_report(JsonWriter& w, const services::FormReport& r) {
  const auto& columns = r.layout.columns;
  w.begin_object();
  w.field("form", r.layout.form).field("version", r.layout.version).field("title", r.layout.title);
  w.key("within").object([&] {
    if (r.within_id) w.field("id", r.within_id);
    else w.field("id", nullptr);
    w.field("name", r.within_name);
  });
  w.field("on", r.on.iso()).field("baseline", r.baseline.iso());
  // whether a column counts on the baseline (扩大前, 新增): the others do not ask for it
  w.field("reads_baseline", std::any_of(columns.begin(), columns.end(), [](const domain::forms::Column& c) {
    return c.count && (c.count->what == domain::forms::CountWhat::kAdded ||
                       c.count->on == domain::forms::CountOn::kBaseline);
  }));
  w.key("columns").array(columns, [&](const domain::forms::Column& c) {
    w.object([&] {
      w.field("key", c.key).field("label", c.label);
      w.key("group").array(c.group, [&](const std::string& g) { w.value(g); });
      w.field("numeric", c.numeric()).field("count", c.count.has_value());
    });
  });
  w.key("headings").array(r.grid.headings, [&](const documents::FormHeading& h) {
    w.object([&] {
      w.field("text", h.text).field("row", h.row).field("column", h.column).field("row_span", h.row_span)
          .field("column_span", h.column_span);
    });
  });
  w.field("header_rows", r.grid.rows);
  w.key("rows").array(r.rows, [&](const services::FormRow& row) {
    w.object([&] {
      w.field("key", row.key).field("label", row.label);
      w.key("cells").object([&] {
        for (std::size_t c = 0; c < columns.size(); ++c) {
          if (columns[c].kind == ColumnKind::kLabel) continue;
          w.key(columns[c].key);
          cell(w, row.cells[c]);
        }
      });
    });
  });
  w.key("totals");
  if (r.totals) {
    w.object([&] {
      for (std::size_t c = 0; c < columns.size(); ++c)
        if ((*r.totals)[c].number) w.field(columns[c].key, *(*r.totals)[c].number);
    });
  } else {
    w.value(nullptr);
  }
  w.key("footer").array(r.layout.footer, [&](const std::string& f) { w.value(f); });
  w.end_object();
}

void form_cell(JsonWriter& w, const services::CellList& list) {
  w.object([&] {
    w.field("kind", list.people ? "people" : "bodies").field("total", list.total);
    w.field("page", list.page.page).field("page_size", list.page.page_size);
    w.key("items").begin_array();
    for (const auto& p : list.persons)
      w.object([&] {
        w.field("person_id", p.person_id).field("name", p.name).field("organisation_id", p.organisation_id)
            .field("organisation_name", p.organisation_name).field("role_label", p.role_label);
      });
    for (const auto& b : list.bodies)
      w.object([&] {
        w.field("organisation_id", b.organisation_id).field("name", b.name)
            .field("type", domain::body_type_code(b.type));
      });
    w.end_array();
  });
}

}  // namespace jinguo::http::dto
