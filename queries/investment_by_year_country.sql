-- Project investment by year and investor country (CNY and USD kept apart).
SELECT year, country_code, country, projects, with_amount, amount_cny, amount_usd, project_names
FROM investment_by_year_country;
