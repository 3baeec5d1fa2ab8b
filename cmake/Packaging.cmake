# CPack: `cpack -G DEB` in the build folder packs what `cmake --install` installs under /usr.
# Its Depends come from dpkg-shlibdeps: the Debian runtime packages of the libraries the two
# executables link (libtorch1.13, libqt6widgets6, libopencv-*, libqcustomplot2.1, ...).

set(LOUPE_PACKAGE_MAINTAINER "Loupe maintainers <maintainers@loupe.invalid>"
    CACHE STRING "Maintainer field of the .deb (name <email>)")

set(CPACK_PACKAGE_NAME loupe)
set(CPACK_PACKAGE_VENDOR Loupe)
set(CPACK_PACKAGE_CONTACT "${LOUPE_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "workbench for training vision models on small image datasets")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${LOUPE_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # loupe_<version>_<arch>.deb
# The long description: each line after the first starts with a space (deb-control(5)).
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION_SUMMARY}
 Loupe reviews image datasets before training (broken files, duplicates, class
 balance, object sizes), proves the pipeline by overfitting five images, previews
 augmentations, trains ResNet and VGG classifiers with LibTorch while the losses
 draw live, compares runs and shows every misprediction next to its ground truth.
 .
 The package holds the desktop application (loupe) and the command-line tool
 (loupe-cli) for the same work in scripts.")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# make-demo --kind fashion reads the Fashion-MNIST package; Qt's own strings in German come from
# qt6-translations-l10n.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "dataset-fashion-mnist, qt6-translations-l10n")

include(CPack)
