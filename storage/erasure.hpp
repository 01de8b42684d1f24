#pragma once
// Erasing a person's personal data while keeping what reports count.

#include <cstdint>

#include "domain/status.hpp"
#include "storage/database.hpp"
#include "storage/transaction.hpp"

namespace capdev::storage {

// Replaces name, native name, email, phone and position with an anonymous
// placeholder; gender, organization, province, registrations and attendance
// stay. Call inside a WriteTransaction; secure_delete zeroes the old values,
// and WalCheckpointer moves them out of the WAL.
domain::Status ErasePerson(WriteTx& tx, std::int64_t person_id);

}  // namespace capdev::storage
