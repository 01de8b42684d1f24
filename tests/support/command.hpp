#pragma once
// Runs a reader of what capdev writes (pdftotext, zbarimg, node...) and
// keeps what it printed.

#include <string>

namespace capdev::testing {

struct CommandResult {
  int exit_code = -1;
  std::string output;  // standard output
};

// `command` through the shell.
CommandResult RunCommand(const std::string& command);

}  // namespace capdev::testing
