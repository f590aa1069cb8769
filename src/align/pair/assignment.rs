//! Maximum-weight bipartite assignment (the Hungarian method), for pairing the few sentences an
//! article leaves over: O(n²·m) on an n×m matrix, so it is used only on small matrices.

/// Pairs (row, column) that maximise the total weight; pairs of weight 0 are left out.
pub(super) fn max_weight(weight: &[Vec<f32>]) -> Vec<(usize, usize)> {
    let rows = weight.len();
    let cols = weight.first().map_or(0, Vec::len);
    if rows == 0 || cols == 0 {
        return Vec::new();
    }
    // The method wants no more rows than columns: solve the transpose otherwise.
    if rows > cols {
        let transposed: Vec<Vec<f32>> = (0..cols)
            .map(|c| (0..rows).map(|r| weight[r][c]).collect())
            .collect();
        return max_weight(&transposed)
            .into_iter()
            .map(|(c, r)| (r, c))
            .collect();
    }
    // Minimise cost = −weight with potentials (1-based, column 0 is the virtual start).
    let cost = |r: usize, c: usize| -f64::from(weight[r - 1][c - 1]);
    let (mut u, mut v) = (vec![0.0f64; rows + 1], vec![0.0f64; cols + 1]);
    let mut row_of = vec![0usize; cols + 1];
    let mut way = vec![0usize; cols + 1];
    for r in 1..=rows {
        row_of[0] = r;
        let mut c0 = 0;
        let mut min_to = vec![f64::INFINITY; cols + 1];
        let mut used = vec![false; cols + 1];
        loop {
            used[c0] = true;
            let r0 = row_of[c0];
            let (mut delta, mut c1) = (f64::INFINITY, 0);
            for c in 1..=cols {
                if !used[c] {
                    let reduced = cost(r0, c) - u[r0] - v[c];
                    if reduced < min_to[c] {
                        min_to[c] = reduced;
                        way[c] = c0;
                    }
                    if min_to[c] < delta {
                        delta = min_to[c];
                        c1 = c;
                    }
                }
            }
            for c in 0..=cols {
                if used[c] {
                    u[row_of[c]] += delta;
                    v[c] -= delta;
                } else {
                    min_to[c] -= delta;
                }
            }
            c0 = c1;
            if row_of[c0] == 0 {
                break;
            }
        }
        loop {
            let c1 = way[c0];
            row_of[c0] = row_of[c1];
            c0 = c1;
            if c0 == 0 {
                break;
            }
        }
    }
    (1..=cols)
        .filter(|&c| row_of[c] != 0 && weight[row_of[c] - 1][c - 1] > 0.0)
        .map(|c| (row_of[c] - 1, c - 1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::max_weight;

    #[test]
    fn two_rivals_for_one_column_are_settled_by_the_total() {
        // Row 0 is slightly better on column 0, but row 1 has nothing else.
        let w = vec![vec![0.24, 0.19], vec![0.23, 0.0]];
        let mut pairs = max_weight(&w);
        pairs.sort_unstable();
        assert_eq!(pairs, vec![(0, 1), (1, 0)]);
    }

    #[test]
    fn zero_weights_are_never_paired_and_shapes_may_differ() {
        let w = vec![vec![0.0, 0.5, 0.0]];
        assert_eq!(max_weight(&w), vec![(0, 1)]);
        let tall = vec![vec![0.0], vec![0.7], vec![0.2]];
        assert_eq!(max_weight(&tall), vec![(1, 0)]);
        assert!(max_weight(&[vec![0.0, 0.0]]).is_empty());
    }
}
