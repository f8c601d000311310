-- The totals the rectification plan itself declares (the notice: "5个方面46项具体问题,细化为64项整改任务")
-- are data, so the public report's figures are checked against them rather than written as free text.
-- Numbered V9_1 so that it does not collide with a V9 written in parallel (out-of-order is on).
ALTER TABLE inspection
    ADD COLUMN declared_areas    int CHECK (declared_areas >= 1),
    ADD COLUMN declared_problems int CHECK (declared_problems >= 1),
    ADD COLUMN declared_tasks    int CHECK (declared_tasks >= 1);
-- (One inspection per team, organisation and on-site period is checked by InspectionService, not by a
-- unique index: databases that already hold such duplicates must still migrate.)
