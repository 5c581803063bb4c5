/* An image struct keeps the pixel matrix and a flat handle made with nda_ravel in its fields.
 * Clearing the image through the flat field and then summing `pixels` depends on the layout: the
 * pixels are a transpose when FLIP is set (ravel -> copy), plain otherwise (-> view). VC005. */
#include <nda.h>
#include <stdio.h>
#include <stdlib.h>

struct image {
    nda_array *pixels;
    nda_array *flat;
};

int main(void)
{
    const ptrdiff_t shape[2] = {2, 3};
    nda_array *raw = nda_full(NDA_FLOAT64, 2, shape, 7.0);
    if (!raw)
        return 1;
    struct image img;
    img.pixels = getenv("FLIP") ? nda_transpose(raw) : nda_view(raw);
    /* Run time: plain -> flat is a VIEW of pixels; FLIP -> flat is a COPY. */
    img.flat = img.pixels ? nda_ravel(img.pixels) : NULL;
    if (!img.flat)
        return 1;
    nda_fill(img.flat, 0.0); // expect: VC005
    printf("pixel sum after clear: %g\n", nda_sum(img.pixels));
    nda_release(img.flat);
    nda_release(img.pixels);
    nda_release(raw);
    return 0;
}
