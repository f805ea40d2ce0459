-- Facts of the research notes not modelled, with the reason.
INSERT INTO omitted (ref, reason) VALUES
('F242', 'The figure is cut off in the research index after ''over 130 p'': what is counted (projects is only presumed) cannot be told, so no value is stored.');
