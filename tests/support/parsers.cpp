#include "tests/support/parsers.hpp"

#include <boost/json.hpp>
#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "tests/support/temp_dir.hpp"

namespace capdev::testing {

namespace {

// Runs a Python program on `input` and parses the JSON it prints.
boost::json::value RunPython(const std::string& program,
                             const std::string& input) {
  TempDir dir;
  std::ofstream(dir.File("in"), std::ios::binary) << input;
  std::ofstream(dir.File("prog.py")) << program;
  const std::string cmd =
      "python3 " + dir.File("prog.py") + " " + dir.File("in");
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run python3");
  std::string out;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  if (pclose(pipe) != 0) throw std::runtime_error("python3 failed: " + out);
  return boost::json::parse(out);
}

}  // namespace

std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  auto rows = RunPython(R"py(
import csv, json, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    print(json.dumps(list(csv.reader(f, strict=True))))
)py",
                        text);
  std::vector<std::vector<std::string>> out;
  for (auto& row : rows.as_array()) {
    auto& r = out.emplace_back();
    for (auto& cell : row.as_array()) r.emplace_back(cell.as_string());
  }
  return out;
}

std::map<std::string, std::vector<std::vector<std::string>>> ParseHtmlTables(
    const std::string& html) {
  auto tables = RunPython(R"py(
import json, sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.section = None; self.tables = {}; self.cell = None; self.row = None
    def handle_starttag(self, tag, attrs):
        if tag == 'section': self.section = dict(attrs).get('id')
        elif tag == 'table': self.tables[self.section] = []
        elif tag == 'tr': self.row = []
        elif tag in ('td', 'th'): self.cell = ''
    def handle_endtag(self, tag):
        if tag in ('td', 'th'): self.row.append(self.cell); self.cell = None
        elif tag == 'tr': self.tables[self.section].append(self.row)
    def handle_data(self, data):
        if self.cell is not None: self.cell += data
p = P(); p.feed(open(sys.argv[1], encoding='utf-8').read()); print(json.dumps(p.tables))
)py",
                          html);
  std::map<std::string, std::vector<std::vector<std::string>>> out;
  for (auto& [id, rows] : tables.as_object()) {
    auto& t = out[std::string(id)];
    for (auto& row : rows.as_array()) {
      auto& r = t.emplace_back();
      for (auto& cell : row.as_array()) r.emplace_back(cell.as_string());
    }
  }
  return out;
}

}  // namespace capdev::testing
