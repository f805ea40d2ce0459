//! The result of `EXPLAIN QUERY PLAN` drawn as the sqlite3 shell draws it in every mode: a
//! tree under `QUERY PLAN`, each node's children indented beneath it.

use super::Renderer;
use crate::value::Cell;
use crate::visible::visible;

/// sqlite3 stops indenting where its 100-byte prefix buffer would overflow (its
/// `eqp_render_level`): deeper nodes are not drawn, and no cycle in the rows can recurse
/// forever.
const MAX_PREFIX: usize = 100 - 7;

/// One row of the plan: its id, its parent's id and its text (`detail`).
struct Node {
    id: i64,
    parent: i64,
    text: String,
}

/// Collects the rows (`id, parent, notused, detail`) and draws the tree at the end; a plan
/// without rows draws nothing. `is_visible`: control characters in names are shown as
/// pictures (for the table modes, which are read on a terminal).
pub(super) struct QueryPlan {
    nodes: Vec<Node>,
    is_visible: bool,
}

impl QueryPlan {
    pub(super) fn new(is_visible: bool) -> Self {
        QueryPlan {
            nodes: Vec::new(),
            is_visible,
        }
    }

    /// sqlite3's `eqp_render_level`: the children of `parent` in the order they came, each
    /// `|--` but the last (`` `-- ``), their own children under a prefix one level deeper.
    fn level(&self, out: &mut Vec<u8>, parent: i64, prefix: &mut String) {
        let children: Vec<&Node> = self.nodes.iter().filter(|n| n.parent == parent).collect();
        for (i, node) in children.iter().enumerate() {
            let is_last = i + 1 == children.len();
            out.extend_from_slice(prefix.as_bytes());
            out.extend_from_slice(if is_last { b"`--" } else { b"|--" });
            out.extend_from_slice(node.text.as_bytes());
            out.push(b'\n');
            if prefix.len() < MAX_PREFIX {
                let len = prefix.len();
                prefix.push_str(if is_last { "   " } else { "|  " });
                self.level(out, node.id, prefix);
                prefix.truncate(len);
            }
        }
    }
}

fn integer(cell: Option<&Cell>) -> i64 {
    match cell {
        Some(Cell::Integer(n)) => *n,
        _ => 0,
    }
}

impl Renderer for QueryPlan {
    fn begin(&mut self, _out: &mut Vec<u8>, _columns: &[String]) {}

    fn row(&mut self, _out: &mut Vec<u8>, cells: &[Cell<'_>]) {
        let text = match cells.get(3) {
            Some(Cell::Text(t)) => String::from_utf8_lossy(t).into_owned(),
            _ => String::new(),
        };
        let text = if self.is_visible {
            visible(&text).into_owned()
        } else {
            text
        };
        self.nodes.push(Node {
            id: integer(cells.first()),
            parent: integer(cells.get(1)),
            text,
        });
    }

    fn end(&mut self, out: &mut Vec<u8>) {
        let Some(first) = self.nodes.first() else {
            return;
        };
        // sqlite3's `eqp_render`: a first row that starts with `-` is a title of its own.
        if first.text.starts_with('-') {
            if self.nodes.len() == 1 {
                return;
            }
            out.extend_from_slice(first.text.get(3..).unwrap_or_default().as_bytes());
            out.push(b'\n');
            self.nodes.remove(0);
        } else {
            out.extend_from_slice(b"QUERY PLAN\n");
        }
        self.level(out, 0, &mut String::new());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draw(rows: &[(i64, i64, &str)]) -> String {
        let mut plan = QueryPlan::new(false);
        let mut out = Vec::new();
        plan.begin(&mut out, &[]);
        for (id, parent, text) in rows {
            let cells = [
                Cell::Integer(*id),
                Cell::Integer(*parent),
                Cell::Integer(0),
                Cell::Text(text.as_bytes()),
            ];
            plan.row(&mut out, &cells);
        }
        plan.end(&mut out);
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn a_plan_is_a_tree_under_its_title_and_no_rows_draw_nothing() {
        assert_eq!(draw(&[]), "");
        assert_eq!(
            draw(&[
                (2, 0, "A"),
                (3, 2, "B"),
                (4, 2, "C"),
                (5, 4, "D"),
                (6, 0, "E")
            ]),
            "QUERY PLAN\n|--A\n|  |--B\n|  `--C\n|     `--D\n`--E\n"
        );
        assert_eq!(draw(&[(1, 0, "-- T"), (2, 0, "A")]), "T\n`--A\n");
        assert_eq!(draw(&[(1, 0, "-- T")]), "");
    }

    #[test]
    fn a_row_that_is_its_own_parent_stops_at_sqlite3s_depth() {
        let out = draw(&[(1, 0, "A"), (1, 1, "B")]);
        assert_eq!(out.lines().count(), 2 + MAX_PREFIX.div_ceil(3));
    }
}
