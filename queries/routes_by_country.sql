-- Freight routes grouped by the country at their foreign end and the year they opened.
SELECT country_code, country, year_opened, routes, route_names
FROM routes_by_country;
