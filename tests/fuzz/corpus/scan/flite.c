const cst_lts_model m[] = { 4, 'r', LTS_STATE_a, 6, (cst_val *)&v };
/* x = { */ // y = {
