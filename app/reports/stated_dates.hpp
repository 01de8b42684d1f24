#pragma once
// A workshop's dates as its source states them (EDTF, domain/edtf.hpp), in
// the reader's words: "XXXX-03-02" is "2 March, year not stated" (3月2日，
// 年份不详), "2012-11-06?" "6 Nov 2012 (uncertain)", "201X" "the 2010s".

#include <string>
#include <string_view>

#include "app/reports/texts.hpp"

namespace capdev::reports {

// The text itself for what it cannot read.
std::string StatedDatesInWords(const Texts& x, std::string_view edtf);

}  // namespace capdev::reports
