-- 举一反三: a problem found by extending an inspection finding names the finding (source ANALOGY).
ALTER TABLE problem ADD COLUMN extends_problem_id uuid REFERENCES problem (id);
CREATE INDEX problem_extends ON problem (extends_problem_id) WHERE extends_problem_id IS NOT NULL;
