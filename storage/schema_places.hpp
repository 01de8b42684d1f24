#pragma once
// Migration 15: a workshop's venue and city keep their place keys
// (storage/text_key.hpp PlaceKey) in columns written with the record, so
// double bookings compare places in plain SQL on either engine, rather than
// through a function only SQLite has.

namespace capdev::storage {

inline constexpr const char* kSchemaPlaceKeys = R"sql(
ALTER TABLE workshops ADD COLUMN venue_key TEXT;
ALTER TABLE workshops ADD COLUMN city_key TEXT;
UPDATE workshops SET venue_key = capdev_place_key(venue),
  city_key = capdev_place_key(city);
)sql";

}  // namespace capdev::storage
