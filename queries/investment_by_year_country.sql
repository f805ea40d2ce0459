-- Project investment by status, year and investor country, each project counted once (CNY and USD kept apart; projects outside the zone left out).
SELECT status, year, country_code, country, projects, with_amount, amount_cny, amount_usd, amount_qualifiers,
       restated, project_names
FROM investment_by_year_country;
