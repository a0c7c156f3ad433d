static const float layer0_weights[4] = {1.0f, -2.5e-3f, 0x1F, .5};
const char *s = "QUJDRA==";
